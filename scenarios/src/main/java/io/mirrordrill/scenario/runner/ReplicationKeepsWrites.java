package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.archive.VolumeSnapshotEntry;
import io.mirrordrill.scenario.workload.Ledger;
import io.mirrordrill.scenario.workload.RecordSet;
import io.mirrordrill.scenario.workload.VolumeRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An Established AMR's destination volumes hold every record their source volumes held at the last transferred
 * snapshot. After a reverse resync that means the writes made on the failed-over side arrive back: they are kept.
 * After a resync, the writes the destination made while promoted are gone (they were discarded).
 */
final class ReplicationKeepsWrites implements Invariant {
    @Override
    public String id() {
        return "reverse-resync-keeps-writes";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        for (AmrWatch.History h : at.amrs.in("Established")) {
            Optional<JsonNode> amr = at.amr(h);
            String last = amr.map(a -> a.path("status").path("lastTransferredSnapshot").asText("")).orElse("");
            String key = id() + "/" + h.key() + "/" + last;
            if (last.isEmpty() || at.done.contains(key)) {
                continue;
            }
            Optional<Archive> archive = at.archive(h, amr.get(), last);
            if (archive.isEmpty()) {
                continue;
            }
            for (VolumeSnapshotEntry e : archive.get().content().volumes()) {
                at.volume(h.cluster, Mapping.destination(amr.get(), e.namespace()), e.pvcName())
                        .ifPresent(dst -> out.addAll(volume(at, h, e, dst)));
            }
            at.done.add(key);
        }
        return out;
    }

    private List<Violation> volume(Checkpoint at, AmrWatch.History h, VolumeSnapshotEntry e, VolumeRef dst) {
        List<Violation> out = new ArrayList<>();
        String src = e.svm() + ":" + e.internalVolumeName();
        Optional<Long> seq = at.trace.snapshotSequence(src, e.snapshotName());
        boolean resynced = h.wasEver("Promoted");
        boolean reverse = !at.writtenInto(dst.path()).isEmpty();
        String where = "AMR " + h.cluster + "/" + h.namespace + "/" + h.name + "; " + src + " -> " + dst.path();
        for (Ledger.Run w : at.writtenInto(src)) {
            Optional<RecordSet> present = at.volumes.records(dst.path(), w.file());
            if (present.isEmpty() || seq.isEmpty()) {
                continue;
            }
            RecordSet missing = at.heldAt(src, w.file(), w.workload(), seq.get()).minus(present.get());
            if (!missing.isEmpty()) {
                out.add(new Violation(reverse ? id() : "replication-keeps-writes", "the destination lacks "
                        + missing.count() + " records its source held at snapshot " + e.snapshotName(),
                        where + " " + w.file() + ": missing " + missing));
            }
        }
        for (Ledger.Run w : at.writtenInto(dst.path())) {
            Optional<RecordSet> present = at.volumes.records(dst.path(), w.file());
            RecordSet kept = present.map(p -> at.discarded(dst.path(), w.file(), w.workload(), at.now())
                    .intersect(p)).orElse(new RecordSet());
            if (resynced && !kept.isEmpty()) {
                out.add(new Violation("resync-discards-destination-writes", "after the resync the destination"
                        + " still holds " + kept.count() + " records written while it was promoted",
                        where + " " + w.file() + ": " + kept));
            }
        }
        return out;
    }
}
