package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One RFC 6902 JSON Patch operation of a {@code transformations[].operations} list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record JsonPatchOperation(String op, String path, String from, JsonNode value, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public JsonPatchOperation {
        unknownFields = Frozen.unknown(unknownFields);
    }
}
