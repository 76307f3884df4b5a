package io.mirrordrill.engine.amr;

import io.mirrordrill.engine.model.MirrorState;
import io.mirrordrill.runtime.statemachine.StateMachine;

import java.util.function.Supplier;

import static io.mirrordrill.engine.amr.AmrEvent.ESTABLISH;
import static io.mirrordrill.engine.amr.AmrEvent.ESTABLISHED;
import static io.mirrordrill.engine.amr.AmrEvent.FAIL;
import static io.mirrordrill.engine.amr.AmrEvent.PROMOTE;
import static io.mirrordrill.engine.amr.AmrEvent.PROMOTED;
import static io.mirrordrill.engine.amr.AmrEvent.RESYNC;
import static io.mirrordrill.engine.model.MirrorState.ESTABLISHING;
import static io.mirrordrill.engine.model.MirrorState.FAILED;
import static io.mirrordrill.engine.model.MirrorState.PROMOTING;

/**
 * The AppMirrorRelationship lifecycle in one table whose rows carry their effects: the controller only ever changes
 * {@code status.state} by taking a row, the move to Failed included. A transition in progress (Establishing,
 * Promoting) has no row for a new desired state, so it finishes first. {@code AmrLifecycleTest} and the workflow
 * test {@code AmrTransitionCoverageTest} fail when a row is never taken.
 */
public final class AmrLifecycle {
    private AmrLifecycle() {}

    /** A new machine (each reconciler has its own, so a test can ask it for the rows it never took). */
    public static StateMachine<MirrorState, AmrEvent, AmrMove> machine() {
        return machine(() -> "");
    }

    /** As {@link #machine()}, stamping history entries with {@code now} (the engine's clock). */
    public static StateMachine<MirrorState, AmrEvent, AmrMove> machine(Supplier<String> now) {
        return StateMachine.<MirrorState, AmrEvent, AmrMove>named("AppMirrorRelationship")
                .add(null, ESTABLISH, ESTABLISHING, m -> m.working("Establishing", "setting up replication"))
                .add(null, FAIL, FAILED, AmrMove::failed)
                .add(ESTABLISHING, ESTABLISHED, MirrorState.ESTABLISHED, AmrMove::arrived)
                .add(ESTABLISHING, FAIL, FAILED, AmrMove::failed)
                .add(MirrorState.ESTABLISHED, PROMOTE, PROMOTING,
                        m -> m.working("Promoting", "failing over to the destination"))
                .add(MirrorState.ESTABLISHED, FAIL, FAILED, AmrMove::failed)
                .add(PROMOTING, PROMOTED, MirrorState.PROMOTED, AmrMove::arrived)
                .add(PROMOTING, FAIL, FAILED, AmrMove::failed)
                .add(MirrorState.PROMOTED, RESYNC, ESTABLISHING, m -> m.working("Resyncing", "re-establishing"
                        + " replication; writes made on the destination since the failover are discarded"))
                .add(FAILED, ESTABLISH, ESTABLISHING, m -> m.working("Retrying", "retrying after the failure"))
                .add(FAILED, PROMOTE, PROMOTING, m -> m.working("Retrying", "retrying after the failure"))
                .stamped(now)
                .labels(s -> s == null ? "(new)" : s.value(), e -> e.name().toLowerCase())
                // where a state changes: the one place an event of the move would be recorded
                .onTransition((m, row) -> m.enter(row.to()))
                .build();
    }
}
