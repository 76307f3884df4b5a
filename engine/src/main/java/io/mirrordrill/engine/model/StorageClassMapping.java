package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** Source storage class to destination storage class; unmatched PVCs get the default class. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record StorageClassMapping(String source, String destination, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements SourceDestination {
    public StorageClassMapping {
        unknownFields = Frozen.unknown(unknownFields);
    }

    public StorageClassMapping(String source, String destination) {
        this(source, destination, null);
    }
}
