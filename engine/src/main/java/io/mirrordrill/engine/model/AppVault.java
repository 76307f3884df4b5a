package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/** Where application archives live (a bucket) and the Secret keys to reach it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record AppVault(String apiVersion, String kind, ObjectMeta metadata, AppVaultSpec spec, ResourceStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ProtectResource<AppVaultSpec, ResourceStatus> {
    public static final String KIND = "AppVault";

    public AppVault {
        apiVersion = apiVersion == null ? ProtectApi.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        unknownFields = Frozen.unknown(unknownFields);
    }

    public AppVault(ObjectMeta metadata, AppVaultSpec spec) {
        this(null, null, metadata, spec, null, null);
    }

    @Override
    public AppVault withMetadata(ObjectMeta metadata) {
        return new AppVault(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public AppVault withSpec(AppVaultSpec spec) {
        return new AppVault(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public AppVault withStatus(ResourceStatus status) {
        return new AppVault(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
