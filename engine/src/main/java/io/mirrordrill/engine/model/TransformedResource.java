package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * Which restored resources a transformation modifies: {@code kind} (required), and optionally {@code group}
 * ({@code ""} or absent: the core group), {@code version} and {@code name}; absent or empty matches any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record TransformedResource(String kind, String group, String version, String name,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public TransformedResource {
        unknownFields = Frozen.unknown(unknownFields);
    }
}
