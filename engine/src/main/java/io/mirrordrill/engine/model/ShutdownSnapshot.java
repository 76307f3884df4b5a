package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/** Snapshot after stopping the app (keeping PVCs): the step before a planned, lossless reverse. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ShutdownSnapshot(String apiVersion, String kind, ObjectMeta metadata, SnapshotSpec spec, SnapshotStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ProtectResource<SnapshotSpec, SnapshotStatus> {
    public static final String KIND = "ShutdownSnapshot";

    public ShutdownSnapshot {
        apiVersion = apiVersion == null ? ProtectApi.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        unknownFields = Frozen.unknown(unknownFields);
    }

    public ShutdownSnapshot(ObjectMeta metadata, SnapshotSpec spec) {
        this(null, null, metadata, spec, null, null);
    }

    @Override
    public ShutdownSnapshot withMetadata(ObjectMeta metadata) {
        return new ShutdownSnapshot(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public ShutdownSnapshot withSpec(SnapshotSpec spec) {
        return new ShutdownSnapshot(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public ShutdownSnapshot withStatus(SnapshotStatus status) {
        return new ShutdownSnapshot(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
