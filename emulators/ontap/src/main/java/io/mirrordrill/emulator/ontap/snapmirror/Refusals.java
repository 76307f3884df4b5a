package io.mirrordrill.emulator.ontap.snapmirror;

import io.mirrordrill.port.ontap.OntapErrors;

/** The ONTAP error code for an operation the relationship's current state does not allow. */
public final class Refusals {
    private Refusals() {}

    public static String code(Operation operation) {
        return switch (operation) {
            case INITIALIZE -> OntapErrors.SM_ALREADY_INITIALIZED;
            case QUIESCE -> OntapErrors.SM_QUIESCE_FAILED;
            case RESUME, RESYNC, REVERSE_RESYNC -> OntapErrors.SM_TO_SNAPMIRRORED_FAILED;
            case UPDATE, BREAK -> OntapErrors.SM_INVALID_TRANSITION;
        };
    }
}
