package io.mirrordrill.scenario.runner;

import java.util.List;

/** A cluster brought up from an etcd snapshot holds exactly the snapshot's objects (keys and uids). */
final class EtcdRestoreMatchesSnapshot implements Invariant {
    static final String ID = "etcd-restore-matches-snapshot";

    public String id() {
        return ID;
    }

    public List<Violation> check(Checkpoint at) {
        List<Violation> found = List.copyOf(at.storage.etcdViolations);
        at.storage.etcdViolations.clear();
        return found;
    }
}
