package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** A Kubernetes group, version and kind; the core group is the empty string. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record GroupVersionKind(String group, String version, String kind, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public GroupVersionKind {
        unknownFields = Frozen.unknown(unknownFields);
    }
}
