package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** One matcher of a resource filter: its fields are ANDed; matchers of one filter are ORed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ResourceMatcher(String group, String kind, String version, List<String> names, List<String> namespaces,
        List<String> labelSelectors, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public ResourceMatcher {
        names = Frozen.list(names);
        namespaces = Frozen.list(namespaces);
        labelSelectors = Frozen.list(labelSelectors);
        unknownFields = Frozen.unknown(unknownFields);
    }
}
