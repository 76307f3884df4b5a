package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** {@code Application.spec}: which namespaces and cluster-scoped resources make up the application. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ApplicationSpec(List<IncludedNamespace> includedNamespaces,
        List<ClusterScopedResource> includedClusterScopedResources, ResourceFilter resourceFilter, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public ApplicationSpec {
        includedNamespaces = Frozen.list(includedNamespaces);
        includedClusterScopedResources = Frozen.list(includedClusterScopedResources);
        unknownFields = Frozen.unknown(unknownFields);
    }

    public ApplicationSpec(List<IncludedNamespace> includedNamespaces) {
        this(includedNamespaces, null, null, null);
    }
}
