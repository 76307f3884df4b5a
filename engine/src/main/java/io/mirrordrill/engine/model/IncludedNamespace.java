package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Map;

/** One {@code Application.spec.includedNamespaces} entry; an empty label selector selects everything. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record IncludedNamespace(String namespace, LabelSelector labelSelector, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public IncludedNamespace {
        unknownFields = Frozen.unknown(unknownFields);
    }

    public IncludedNamespace(String namespace, LabelSelector labelSelector) {
        this(namespace, labelSelector, null);
    }
}
