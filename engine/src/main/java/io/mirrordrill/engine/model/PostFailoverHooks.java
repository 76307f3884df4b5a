package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code AppMirrorRelationship.status.postFailoverHooks} (a name of ours; Trident protect publishes no AMR status
 * schema): the ExecHooksRun that ran the destination's Post Failover hooks after the last promotion, its state
 * (Running, Completed, Failed) and each container's result with the end of its output, secrets masked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"execHooksRun", "state", "hookRuns"})
public record PostFailoverHooks(String execHooksRun, String state, List<HookRun> hookRuns) {
    public PostFailoverHooks {
        hookRuns = Frozen.list(hookRuns);
    }

    public boolean finished() {
        return ExecHooksRunStatus.COMPLETED.equals(state) || ExecHooksRunStatus.FAILED.equals(state);
    }
}
