package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/** What makes up an application: namespaces, cluster-scoped resources, a filter. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record Application(String apiVersion, String kind, ObjectMeta metadata, ApplicationSpec spec, ResourceStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ProtectResource<ApplicationSpec, ResourceStatus> {
    public static final String KIND = "Application";

    public Application {
        apiVersion = apiVersion == null ? ProtectApi.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        unknownFields = Frozen.unknown(unknownFields);
    }

    public Application(ObjectMeta metadata, ApplicationSpec spec) {
        this(null, null, metadata, spec, null, null);
    }

    @Override
    public Application withMetadata(ObjectMeta metadata) {
        return new Application(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public Application withSpec(ApplicationSpec spec) {
        return new Application(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public Application withStatus(ResourceStatus status) {
        return new Application(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
