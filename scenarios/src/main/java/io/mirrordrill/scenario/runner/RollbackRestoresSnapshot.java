package io.mirrordrill.scenario.runner;

import java.util.List;

/** After a rollback to an Element snapshot the volume holds exactly the records it held at the snapshot. */
final class RollbackRestoresSnapshot implements Invariant {
    static final String ID = "rollback-restores-snapshot";

    public String id() {
        return ID;
    }

    public List<Violation> check(Checkpoint at) {
        List<Violation> found = List.copyOf(at.storage.rollbackViolations);
        at.storage.rollbackViolations.clear();
        return found;
    }
}
