package io.mirrordrill.scenario.runner;

import io.mirrordrill.port.ontap.OntapErrors;

import java.util.ArrayList;
import java.util.List;

/**
 * A failover quiesces the relationship and aborts a running transfer before it breaks it: ONTAP refuses a break
 * while a transfer runs (13303808), and an engine that meets that refusal skipped a step. Each refusal is named once.
 */
final class BreakOnlyWhenIdle implements Invariant {
    @Override
    public String id() {
        return "no-break-during-transfer";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        List<EngineCalls.Refusal> refusals = at.estate.calls.refusals();
        for (int i = 0; i < refusals.size(); i++) {
            EngineCalls.Refusal r = refusals.get(i);
            if (r.code().equals(OntapErrors.SM_BREAK_FAILED_TRANSFERRING) && at.done.add(id() + "/" + i)) {
                out.add(new Violation(id(), "break while a transfer was running (the relationship was not quiesced"
                        + " and its transfer not aborted first)", r.describe()));
            }
        }
        return out;
    }
}
