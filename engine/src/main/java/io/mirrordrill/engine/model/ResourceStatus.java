package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** The status of kinds whose real status schema is unpublished: a state, an error, conditions; the rest is kept. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ResourceStatus(String state, String error, List<Condition> conditions, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements Conditioned<ResourceStatus> {
    public ResourceStatus {
        conditions = Frozen.list(conditions);
        unknownFields = Frozen.unknown(unknownFields);
    }

    @Override
    public ResourceStatus withConditions(List<Condition> conditions) {
        return new ResourceStatus(state, error, conditions, unknownFields);
    }

    public ResourceStatus(String state, String error, List<Condition> conditions) {
        this(state, error, conditions, null);
    }
}
