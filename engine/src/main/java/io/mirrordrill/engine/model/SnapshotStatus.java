package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** Status of Snapshot and ShutdownSnapshot; {@code appArchivePath} is {@code <app>_<appUID>/snapshots/<time>_<name>_<uid>}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record SnapshotStatus(String state, String appArchivePath, String error, List<Condition> conditions, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements Conditioned<SnapshotStatus> {
    public SnapshotStatus {
        conditions = Frozen.list(conditions);
        unknownFields = Frozen.unknown(unknownFields);
    }

    @Override
    public SnapshotStatus withConditions(List<Condition> conditions) {
        return new SnapshotStatus(state, appArchivePath, error, conditions, unknownFields);
    }

    public SnapshotStatus(String state, String appArchivePath) {
        this(state, appArchivePath, null, null, null);
    }

    /** The last path segment, which {@code AppMirrorRelationship.spec.promotedSnapshot} takes. */
    public String archiveBasename() {
        if (appArchivePath == null) {
            return null;
        }
        String trimmed = appArchivePath.endsWith("/") ? appArchivePath.substring(0, appArchivePath.length() - 1)
                : appArchivePath;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
