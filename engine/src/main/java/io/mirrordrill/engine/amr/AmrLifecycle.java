package io.mirrordrill.engine.amr;

import io.mirrordrill.engine.MirrordrillException;

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
    public record Transition(AmrState from, AmrEvent event, AmrState to) {
        @Override
        public String toString() {
            return (from == null ? "(new)" : from.text()) + " --" + event.name().toLowerCase() + "--> " + to.text();
        }
    }

    /** A state change the table does not allow. */
    public static final class InvalidTransitionException extends MirrordrillException {
        public InvalidTransitionException(String message) {
            super(message);
        }
    }

    public static final List<Transition> ALL = List.of(
            new Transition(null, ESTABLISH, AmrState.ESTABLISHING),
            new Transition(null, FAIL, AmrState.FAILED),
            new Transition(AmrState.ESTABLISHING, ESTABLISHED, AmrState.ESTABLISHED),
            new Transition(AmrState.ESTABLISHING, FAIL, AmrState.FAILED),
            new Transition(AmrState.ESTABLISHED, PROMOTE, AmrState.PROMOTING),
            new Transition(AmrState.ESTABLISHED, FAIL, AmrState.FAILED),
            new Transition(AmrState.PROMOTING, PROMOTED, AmrState.PROMOTED),
            new Transition(AmrState.PROMOTING, FAIL, AmrState.FAILED),
            new Transition(AmrState.PROMOTED, RESYNC, AmrState.ESTABLISHING),
            new Transition(AmrState.FAILED, ESTABLISH, AmrState.ESTABLISHING),
            new Transition(AmrState.FAILED, PROMOTE, AmrState.PROMOTING));

    public static Optional<Transition> find(AmrState from, AmrEvent event) {
        return ALL.stream().filter(t -> t.from() == from && t.event() == event).findFirst();
    }

    /** The state after {@code event}; throws with the relationship's history when the table has no such row. */
    public static Transition next(AmrState from, AmrEvent event, List<String> history) {
        return find(from, event).orElseThrow(() -> new InvalidTransitionException("AppMirrorRelationship cannot "
                + event.name().toLowerCase() + " from " + (from == null ? "(new)" : from.text()) + "; history: "
                + (history.isEmpty() ? "[]" : history)));
    }
}
