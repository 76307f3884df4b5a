package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/** When to snapshot (and back up) an application and how many to keep. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record Schedule(String apiVersion, String kind, ObjectMeta metadata, ScheduleSpec spec, ResourceStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ProtectResource<ScheduleSpec, ResourceStatus> {
    public static final String KIND = "Schedule";

    public Schedule {
        apiVersion = apiVersion == null ? ProtectApi.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        unknownFields = Frozen.unknown(unknownFields);
    }

    public Schedule(ObjectMeta metadata, ScheduleSpec spec) {
        this(null, null, metadata, spec, null, null);
    }

    @Override
    public Schedule withMetadata(ObjectMeta metadata) {
        return new Schedule(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public Schedule withSpec(ScheduleSpec spec) {
        return new Schedule(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public Schedule withStatus(ResourceStatus status) {
        return new Schedule(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
