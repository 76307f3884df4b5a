package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** One {@code transformations[]} entry: the resources it selects and the RFC 6902 operations applied to each. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ResourceTransformation(TransformedResource resource, List<JsonPatchOperation> operations,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public ResourceTransformation {
        operations = Frozen.list(operations);
        unknownFields = Frozen.unknown(unknownFields);
    }
}
