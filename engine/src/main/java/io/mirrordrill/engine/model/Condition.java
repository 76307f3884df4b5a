package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;

/** A status condition as Kubernetes writes them: type, True/False/Unknown, a reason, a message a person can act on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record Condition(String type, String status, String reason, String message, Instant lastTransitionTime,
        Long observedGeneration, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public Condition {
        unknownFields = Frozen.unknown(unknownFields);
    }

    public Condition(String type, String status, String reason, String message, Instant lastTransitionTime) {
        this(type, status, reason, message, lastTransitionTime, null, null);
    }
}
