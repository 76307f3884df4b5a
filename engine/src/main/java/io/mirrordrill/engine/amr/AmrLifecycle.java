package io.mirrordrill.engine.amr;

import io.mirrordrill.engine.model.MirrorState;

import io.mirrordrill.port.MirrordrillException;

import java.util.List;
import java.util.Optional;

import static io.mirrordrill.engine.amr.AmrEvent.ESTABLISH;
import static io.mirrordrill.engine.amr.AmrEvent.ESTABLISHED;
import static io.mirrordrill.engine.amr.AmrEvent.FAIL;
import static io.mirrordrill.engine.amr.AmrEvent.PROMOTE;
import static io.mirrordrill.engine.amr.AmrEvent.PROMOTED;
import static io.mirrordrill.engine.amr.AmrEvent.RESYNC;


/**
 * The AppMirrorRelationship lifecycle in one table. The controller only ever changes {@code status.state} through
 * {@link #next}; a transition in progress (Establishing, Promoting) has no row for a new desired state, so it
 * finishes first. {@code AmrLifecycleTest} and the workflow tests fail when a row is never exercised.
 */
public final class AmrLifecycle {
    private AmrLifecycle() {}

    /** One row: in {@code from} (null: a new relationship), {@code event} leads to {@code to}. */
    public record Transition(MirrorState from, AmrEvent event, MirrorState to) {
        @Override
        public String toString() {
            return (from == null ? "(new)" : from.value()) + " --" + event.name().toLowerCase() + "--> " + to.value();
        }
    }

    /** A state change the table does not allow. */
    public static final class InvalidTransitionException extends MirrordrillException {
        public InvalidTransitionException(String message) {
            super(message);
        }
    }

    public static final List<Transition> ALL = List.of(
            new Transition(null, ESTABLISH, MirrorState.ESTABLISHING),
            new Transition(null, FAIL, MirrorState.FAILED),
            new Transition(MirrorState.ESTABLISHING, ESTABLISHED, MirrorState.ESTABLISHED),
            new Transition(MirrorState.ESTABLISHING, FAIL, MirrorState.FAILED),
            new Transition(MirrorState.ESTABLISHED, PROMOTE, MirrorState.PROMOTING),
            new Transition(MirrorState.ESTABLISHED, FAIL, MirrorState.FAILED),
            new Transition(MirrorState.PROMOTING, PROMOTED, MirrorState.PROMOTED),
            new Transition(MirrorState.PROMOTING, FAIL, MirrorState.FAILED),
            new Transition(MirrorState.PROMOTED, RESYNC, MirrorState.ESTABLISHING),
            new Transition(MirrorState.FAILED, ESTABLISH, MirrorState.ESTABLISHING),
            new Transition(MirrorState.FAILED, PROMOTE, MirrorState.PROMOTING));

    public static Optional<Transition> find(MirrorState from, AmrEvent event) {
        return ALL.stream().filter(t -> t.from() == from && t.event() == event).findFirst();
    }

    /** The state after {@code event}; throws with the relationship's history when the table has no such row. */
    public static Transition next(MirrorState from, AmrEvent event, List<String> history) {
        return find(from, event).orElseThrow(() -> new InvalidTransitionException("AppMirrorRelationship cannot "
                + event.name().toLowerCase() + " from " + (from == null ? "(new)" : from.value()) + "; history: "
                + (history.isEmpty() ? "[]" : history)));
    }
}
