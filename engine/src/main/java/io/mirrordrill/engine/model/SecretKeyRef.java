package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** A key of a Secret in the resource's own namespace: {@code {name, key}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record SecretKeyRef(String name, String key, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public SecretKeyRef {
        unknownFields = Frozen.unknown(unknownFields);
    }

    public SecretKeyRef(String name, String key) {
        this(name, key, null);
    }
}
