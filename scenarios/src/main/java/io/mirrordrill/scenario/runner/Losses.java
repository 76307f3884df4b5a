package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.workload.Ledger;
import io.mirrordrill.scenario.workload.Location;
import io.mirrordrill.scenario.workload.RecordSet;
import io.mirrordrill.scenario.workload.Writer;

import java.util.Optional;

/**
 * Writes lost: records a workload got accepted anywhere that its application does not have where it ran last (read
 * through its pod, or from its volumes when no pod runs). Null when that data cannot be read.
 */
final class Losses {
    private Losses() {
    }

    static Long count(Workloads workloads, Estate estate, VolumeReader volumes) {
        Ledger ledger = workloads.ledger();
        long lost = 0;
        for (Writer w : workloads.all()) {
            Optional<RecordSet> present = present(ledger, estate, volumes, w);
            if (present.isEmpty()) {
                return null;
            }
            RecordSet accepted = ledger.records(w.name(), r -> true);
            lost += accepted.minus(present.get()).count();
        }
        return lost;
    }

    private static Optional<RecordSet> present(Ledger ledger, Estate estate, VolumeReader volumes, Writer w) {
        if (w.location().isEmpty() || ledger.accepted(w.name()) == 0) {
            return Optional.of(new RecordSet());
        }
        if (estate.reachable(estate.cluster(w.location().get().cluster()))) {
            Optional<RecordSet> seen = w.readThroughPod();
            if (seen.isPresent()) {
                return seen;
            }
        }
        Location at = w.location().get();
        RecordSet all = new RecordSet();
        for (Ledger.Run f : ledger.files()) {
            if (f.workload().equals(w.name()) && f.location().equals(at)) {
                Optional<RecordSet> r = volumes.records(f.volume(), f.file());
                if (r.isEmpty()) {
                    return Optional.empty();
                }
                all.addAll(r.get());
            }
        }
        return Optional.of(all);
    }
}
