package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/** A script run in matching containers before or after snapshot, backup, restore or failover. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ExecHook(String apiVersion, String kind, ObjectMeta metadata, ExecHookSpec spec, ResourceStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ProtectResource<ExecHookSpec, ResourceStatus> {
    public static final String KIND = "ExecHook";

    public ExecHook {
        apiVersion = apiVersion == null ? ProtectApi.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        unknownFields = Frozen.unknown(unknownFields);
    }

    public ExecHook(ObjectMeta metadata, ExecHookSpec spec) {
        this(null, null, metadata, spec, null, null);
    }

    @Override
    public ExecHook withMetadata(ObjectMeta metadata) {
        return new ExecHook(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public ExecHook withSpec(ExecHookSpec spec) {
        return new ExecHook(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public ExecHook withStatus(ResourceStatus status) {
        return new ExecHook(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
