package io.mirrordrill.scenario.runner;

import java.util.ArrayList;
import java.util.List;

/** Every invariant, checked together after each step (and on relationship state changes). */
final class Invariants {
    /** The rules, by id, as reports list them. */
    static final List<String> IDS = List.of("no-writable-destination-while-established", "failover-keeps-writes",
            "resync-discards-destination-writes", "reverse-resync-keeps-writes", "replication-keeps-writes",
            "planned-reverse-loses-nothing", "namespace-merge-rule", "no-secret-in-output", "same-seed-same-trace",
            RollbackRestoresSnapshot.ID, EtcdRestoreMatchesSnapshot.ID);

    private final List<Invariant> all = List.of(new DestinationReadOnly(), new FailoverKeepsWrites(),
            new ReplicationKeepsWrites(), new NamespaceMergeRule(), new NoSecretInOutput(),
            new RollbackRestoresSnapshot(), new EtcdRestoreMatchesSnapshot());
    private final Checkpoint checkpoint;
    private int checks;

    Invariants(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    List<Invariant.Violation> check() {
        checks++;
        List<Invariant.Violation> out = new ArrayList<>();
        for (Invariant i : all) {
            out.addAll(i.check(checkpoint));
        }
        return out;
    }

    /** Only the rule that must hold at every instant, not just at step ends: cheap enough for every state change. */
    List<Invariant.Violation> checkDestinations() {
        return all.get(0).check(checkpoint);
    }

    int checks() {
        return checks;
    }
}
