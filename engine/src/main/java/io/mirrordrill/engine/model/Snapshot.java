package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/** A point-in-time copy of an application: its resources and volume snapshots, archived in a vault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record Snapshot(String apiVersion, String kind, ObjectMeta metadata, SnapshotSpec spec, SnapshotStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ProtectResource<SnapshotSpec, SnapshotStatus> {
    public static final String KIND = "Snapshot";

    public Snapshot {
        apiVersion = apiVersion == null ? ProtectApi.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        unknownFields = Frozen.unknown(unknownFields);
    }

    public Snapshot(ObjectMeta metadata, SnapshotSpec spec) {
        this(null, null, metadata, spec, null, null);
    }

    @Override
    public Snapshot withMetadata(ObjectMeta metadata) {
        return new Snapshot(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public Snapshot withSpec(SnapshotSpec spec) {
        return new Snapshot(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public Snapshot withStatus(SnapshotStatus status) {
        return new Snapshot(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
