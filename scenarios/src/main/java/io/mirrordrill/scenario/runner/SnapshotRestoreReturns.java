package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.workload.Ledger;
import io.mirrordrill.scenario.workload.RecordSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After a volume snapshot restore the volume holds exactly the records it held at the snapshot (by the ledger: the
 * writes accepted into it up to the snapshot, less earlier rollbacks), plus those written since the restore.
 * Checked once per restore, at the end of the step that made it. A file corrupted before the snapshot is not judged:
 * the snapshot holds the corruption. Records that reached the volume by SnapMirror (a promoted destination restored,
 * as drill fuzz does) are not judged here either: the ledger has them written into the source volume.
 */
final class SnapshotRestoreReturns implements Invariant {
    @Override
    public String id() {
        return "snapshot-restore-returns-to-snapshot";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        for (TraceWatch.Rollback restore : at.trace.restores()) {
            String key = id() + "/" + restore.volume() + "/" + restore.seq();
            if (!at.done.add(key)) {
                continue;
            }
            Optional<Long> snapshot = at.trace.snapshotSequence(restore.volume(), restore.snapshot());
            if (snapshot.isEmpty()) {
                continue;
            }
            for (Ledger.Run w : at.writtenInto(restore.volume())) {
                Optional<RecordSet> present = at.volumes.records(restore.volume(), w.file());
                if (present.isEmpty() || at.trace.corruptedBy(w.workload(), snapshot.get())) {
                    continue;
                }
                RecordSet expected = at.heldAt(restore.volume(), w.file(), w.workload(), snapshot.get());
                expected.addAll(at.ledger.records(w.workload(), restore.volume(), w.file(),
                        r -> r.seq() > restore.seq()));
                RecordSet missing = expected.minus(present.get());
                // only records written into this volume are judged: a volume that was a SnapMirror destination
                // (a promoted one) also holds records replicated from its source, which the replication rules judge
                RecordSet extra = present.get().minus(expected)
                        .intersect(at.ledger.records(w.workload(), restore.volume(), w.file(), r -> true));
                if (!missing.isEmpty() || !extra.isEmpty()) {
                    out.add(new Violation(id(), "after the restore to snapshot " + restore.snapshot() + " the"
                            + " volume does not hold exactly the records it held at the snapshot",
                            restore.volume() + " " + w.file() + ": missing " + missing + ", not expected " + extra));
                }
            }
        }
        return out;
    }
}
