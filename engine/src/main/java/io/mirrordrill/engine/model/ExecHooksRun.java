package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/** A request to run an application's execution hooks of one action and stage once, now (by hand, or after a failover). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ExecHooksRun(String apiVersion, String kind, ObjectMeta metadata, ExecHooksRunSpec spec,
        ExecHooksRunStatus status, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements ProtectResource<ExecHooksRunSpec, ExecHooksRunStatus> {
    public static final String KIND = "ExecHooksRun";

    public ExecHooksRun {
        apiVersion = apiVersion == null ? ProtectApi.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        unknownFields = Frozen.unknown(unknownFields);
    }

    public ExecHooksRun(ObjectMeta metadata, ExecHooksRunSpec spec) {
        this(null, null, metadata, spec, null, null);
    }

    @Override
    public ExecHooksRun withMetadata(ObjectMeta metadata) {
        return new ExecHooksRun(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public ExecHooksRun withSpec(ExecHooksRunSpec spec) {
        return new ExecHooksRun(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public ExecHooksRun withStatus(ExecHooksRunStatus status) {
        return new ExecHooksRun(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
