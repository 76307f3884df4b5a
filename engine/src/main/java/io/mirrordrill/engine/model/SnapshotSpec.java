package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Optional;

/** {@code spec} of Snapshot and ShutdownSnapshot: which application, into which vault, and what deletion does. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record SnapshotSpec(String applicationRef, String appVaultRef, String reclaimPolicy, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public SnapshotSpec {
        unknownFields = Frozen.unknown(unknownFields);
    }

    public SnapshotSpec(String applicationRef, String appVaultRef) {
        this(applicationRef, appVaultRef, null, null);
    }

    /** Default Retain; empty when the value is not an accepted one. */
    public Optional<ReclaimPolicy> reclaimPolicyValue() {
        return reclaimPolicy == null ? Optional.of(ReclaimPolicy.RETAIN) : ReclaimPolicy.parse(reclaimPolicy);
    }
}
