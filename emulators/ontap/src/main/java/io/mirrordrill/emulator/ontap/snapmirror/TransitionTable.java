package io.mirrordrill.emulator.ontap.snapmirror;

import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.RelationshipState;

import java.util.List;
import java.util.Optional;

import static io.mirrordrill.port.ontap.RelationshipState.BROKEN_OFF;
import static io.mirrordrill.port.ontap.RelationshipState.PAUSED;
import static io.mirrordrill.port.ontap.RelationshipState.SNAPMIRRORED;
import static io.mirrordrill.port.ontap.RelationshipState.UNINITIALIZED;

/**
 * The SnapMirror relationship lifecycle in one place. Every state change goes through {@link #target}; anything not
 * listed is refused with the code ONTAP gives for that operation. {@code TransitionCoverageTest} fails when a row is
 * never exercised.
 */
public final class TransitionTable {
    private TransitionTable() {}

    public record Transition(RelationshipState from, Operation operation, RelationshipState to) {
        @Override
        public String toString() {
            return from.rest() + " --" + operation.name().toLowerCase() + "--> " + to.rest();
        }
    }

    public static final List<Transition> ALL = List.of(
            new Transition(UNINITIALIZED, Operation.INITIALIZE, SNAPMIRRORED),
            new Transition(SNAPMIRRORED, Operation.UPDATE, SNAPMIRRORED),
            new Transition(SNAPMIRRORED, Operation.QUIESCE, PAUSED),
            new Transition(PAUSED, Operation.RESUME, SNAPMIRRORED),
            new Transition(SNAPMIRRORED, Operation.BREAK, BROKEN_OFF),
            new Transition(PAUSED, Operation.BREAK, BROKEN_OFF),
            new Transition(BROKEN_OFF, Operation.RESYNC, SNAPMIRRORED),
            new Transition(BROKEN_OFF, Operation.REVERSE_RESYNC, SNAPMIRRORED));

    public static Optional<Transition> find(RelationshipState from, Operation operation) {
        return ALL.stream().filter(t -> t.from == from && t.operation == operation).findFirst();
    }

    /** The ONTAP error code for an operation that the current state does not allow. */
    public static String refusalCode(Operation operation) {
        return switch (operation) {
            case INITIALIZE -> OntapErrors.SM_ALREADY_INITIALIZED;
            case QUIESCE -> OntapErrors.SM_QUIESCE_FAILED;
            case RESUME, RESYNC, REVERSE_RESYNC -> OntapErrors.SM_TO_SNAPMIRRORED_FAILED;
            case UPDATE, BREAK -> OntapErrors.SM_INVALID_TRANSITION;
        };
    }
}
