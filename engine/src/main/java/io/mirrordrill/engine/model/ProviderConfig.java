package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** {@code AppVault.spec.providerConfig}: one block per provider family. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ProviderConfig(S3Config s3, AzureConfig azure, GcpConfig gcp, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public ProviderConfig {
        unknownFields = Frozen.unknown(unknownFields);
    }

    public static ProviderConfig s3(S3Config s3) {
        return new ProviderConfig(s3, null, null, null);
    }
}
