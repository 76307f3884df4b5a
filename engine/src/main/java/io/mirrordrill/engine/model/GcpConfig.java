package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** {@code providerConfig.gcp}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record GcpConfig(String bucketName, String projectID, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public GcpConfig {
        unknownFields = Frozen.unknown(unknownFields);
    }
}
