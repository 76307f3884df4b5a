package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * {@code ExecHooksRun.status}: {@code state} Running, Completed or Failed (public examples read {@code .status.state}
 * and {@code .status.conditions}), the error, conditions, and {@code hookRuns} (a name of ours, the real schema being
 * unpublished): each matching container's result, in the order the hooks ran.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ExecHooksRunStatus(String state, String error, List<Condition> conditions, List<HookRun> hookRuns,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements Conditioned<ExecHooksRunStatus> {
    public static final String RUNNING = "Running";
    public static final String COMPLETED = "Completed";
    public static final String FAILED = "Failed";

    public ExecHooksRunStatus {
        conditions = Frozen.list(conditions);
        hookRuns = Frozen.list(hookRuns);
        unknownFields = Frozen.unknown(unknownFields);
    }

    @Override
    public ExecHooksRunStatus withConditions(List<Condition> conditions) {
        return new ExecHooksRunStatus(state, error, conditions, hookRuns, unknownFields);
    }

    public boolean finished() {
        return COMPLETED.equals(state) || FAILED.equals(state);
    }
}
