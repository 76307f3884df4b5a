package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/** Restore of a snapshot archive, with namespace and storage class mapping. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record SnapshotRestore(String apiVersion, String kind, ObjectMeta metadata, SnapshotRestoreSpec spec, ResourceStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ProtectResource<SnapshotRestoreSpec, ResourceStatus> {
    public static final String KIND = "SnapshotRestore";

    public SnapshotRestore {
        apiVersion = apiVersion == null ? ProtectApi.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        unknownFields = Frozen.unknown(unknownFields);
    }

    public SnapshotRestore(ObjectMeta metadata, SnapshotRestoreSpec spec) {
        this(null, null, metadata, spec, null, null);
    }

    @Override
    public SnapshotRestore withMetadata(ObjectMeta metadata) {
        return new SnapshotRestore(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public SnapshotRestore withSpec(SnapshotRestoreSpec spec) {
        return new SnapshotRestore(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public SnapshotRestore withStatus(ResourceStatus status) {
        return new SnapshotRestore(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
