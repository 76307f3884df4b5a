package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** {@code ExecHook.spec}: a base64 script run in matching containers before or after an action; timeout in minutes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ExecHookSpec(String applicationRef, String stage, String action, Boolean enabled, String hookSource,
        Integer timeout, List<String> arguments, List<MatchingCriterion> matchingCriteria, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    /** Trident protect's default hook timeout, minutes. */
    public static final int DEFAULT_TIMEOUT_MINUTES = 25;

    public ExecHookSpec {
        arguments = Frozen.list(arguments);
        matchingCriteria = Frozen.list(matchingCriteria);
        unknownFields = Frozen.unknown(unknownFields);
    }

    public int timeoutOrDefault() {
        return timeout == null ? DEFAULT_TIMEOUT_MINUTES : timeout;
    }

    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }
}
