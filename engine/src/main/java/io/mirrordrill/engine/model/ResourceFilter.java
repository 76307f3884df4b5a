package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** {@code resourceFilter}: Include or Exclude what the matchers match; applied before label selectors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ResourceFilter(String resourceSelectionCriteria, List<ResourceMatcher> resourceMatchers, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public ResourceFilter {
        resourceMatchers = Frozen.list(resourceMatchers);
        unknownFields = Frozen.unknown(unknownFields);
    }
}
