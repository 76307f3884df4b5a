package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Optional;

/** Which containers an ExecHook runs in: a type and a regular expression. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record MatchingCriterion(String type, String value, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public MatchingCriterion {
        type = MatchingCriterionType.canonical(type);
        unknownFields = Frozen.unknown(unknownFields);
    }

    public Optional<MatchingCriterionType> typeValue() {
        return MatchingCriterionType.parse(type);
    }
}
