package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** {@code providerConfig.azure}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record AzureConfig(String accountName, String bucketName, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public AzureConfig {
        unknownFields = Frozen.unknown(unknownFields);
    }
}
