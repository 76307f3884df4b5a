package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** Source namespace to destination namespace, for failover and restore. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record NamespaceMapping(String source, String destination, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements SourceDestination {
    public NamespaceMapping {
        unknownFields = Frozen.unknown(unknownFields);
    }

    public NamespaceMapping(String source, String destination) {
        this(source, destination, null);
    }
}
