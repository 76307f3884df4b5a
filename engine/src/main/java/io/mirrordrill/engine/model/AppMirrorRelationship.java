package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/** Replication of an application to this (destination) cluster; failover is {@code desiredState: Promoted}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record AppMirrorRelationship(String apiVersion, String kind, ObjectMeta metadata, AppMirrorRelationshipSpec spec, AppMirrorRelationshipStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ProtectResource<AppMirrorRelationshipSpec, AppMirrorRelationshipStatus> {
    public static final String KIND = "AppMirrorRelationship";

    public AppMirrorRelationship {
        apiVersion = apiVersion == null ? ProtectApi.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        unknownFields = Frozen.unknown(unknownFields);
    }

    public AppMirrorRelationship(ObjectMeta metadata, AppMirrorRelationshipSpec spec) {
        this(null, null, metadata, spec, null, null);
    }

    @Override
    public AppMirrorRelationship withMetadata(ObjectMeta metadata) {
        return new AppMirrorRelationship(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public AppMirrorRelationship withSpec(AppMirrorRelationshipSpec spec) {
        return new AppMirrorRelationship(apiVersion, kind, metadata, spec, status, unknownFields);
    }

    @Override
    public AppMirrorRelationship withStatus(AppMirrorRelationshipStatus status) {
        return new AppMirrorRelationship(apiVersion, kind, metadata, spec, status, unknownFields);
    }
}
