package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Map;

/** One {@code Application.spec.includedClusterScopedResources} entry. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ClusterScopedResource(GroupVersionKind groupVersionKind, LabelSelector labelSelector, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public ClusterScopedResource {
        unknownFields = Frozen.unknown(unknownFields);
    }
}
