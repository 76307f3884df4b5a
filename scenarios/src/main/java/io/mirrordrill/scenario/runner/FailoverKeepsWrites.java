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
 * After a failover (an AMR reaching Promoted): each destination volume holds every record its source volume held
 * at the promoted snapshot, and none written to the source after it; when the promoted snapshot is a
 * ShutdownSnapshot (the planned reverse), every record the source ever kept is there: nothing is lost.
 */
final class FailoverKeepsWrites implements Invariant {
    @Override
    public String id() {
        return "failover-keeps-writes";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        for (AmrWatch.History h : at.amrs.in("Promoted")) {
            String key = id() + "/" + h.key() + "/" + h.states.size();
            if (at.done.contains(key)) {
                continue;
            }
            Optional<JsonNode> amr = at.amr(h);
            String basename = amr.map(FailoverKeepsWrites::promotedBasename).orElse("");
            // a snapshot named in spec.promotedSnapshot is judged even when it never reached the destination vault
            Optional<Archive> archive = amr.flatMap(a -> at.archive(h, a, basename).or(() -> at.archive(h, a,
                    basename, "sourceAppVaultRef")));
            if (archive.isEmpty()) {
                continue;  // not readable now (a bucket outage): checked at a later step
            }
            for (VolumeSnapshotEntry e : archive.get().content().volumes()) {
                String dstNs = Mapping.destination(amr.get(), e.namespace());
                at.volume(h.cluster, dstNs, e.pvcName()).ifPresent(dst -> out.addAll(volume(at, h, e, dst,
                        at.shutdowns.contains(basename), basename)));
            }
            at.done.add(key);
        }
        return out;
    }

    static String promotedBasename(JsonNode amr) {
        String named = amr.path("spec").path("promotedSnapshot").asText("");
        return named.isBlank() ? amr.path("status").path("lastTransferredSnapshot").asText("") : named;
    }

    private List<Violation> volume(Checkpoint at, AmrWatch.History h, VolumeSnapshotEntry e, VolumeRef dst,
                                   boolean planned, String basename) {
        List<Violation> out = new ArrayList<>();
        String src = e.svm() + ":" + e.internalVolumeName();
        Optional<Long> seq = at.trace.snapshotSequence(src, e.snapshotName());
        if (seq.isEmpty()) {
            return out;
        }
        for (Ledger.Run w : at.writtenInto(src)) {
            Optional<RecordSet> present = at.volumes.records(dst.path(), w.file());
            if (present.isEmpty()) {
                continue;
            }
            RecordSet held = at.heldAt(src, w.file(), w.workload(), seq.get());
            RecordSet missing = held.minus(present.get());
            String where = "AMR " + h.cluster + "/" + h.namespace + "/" + h.name + " promoted to " + basename
                    + "; " + e.namespace() + "/" + e.pvcName() + " " + src + " -> " + dst.path() + " " + w.file();
            if (!missing.isEmpty()) {
                out.add(new Violation(id(), "failover lost " + missing.count() + " records written before the "
                        + "promoted snapshot", where + ": missing " + missing + " of " + held));
            }
            RecordSet later = at.ledger.records(w.workload(), src, w.file(), r -> r.seq() > seq.get())
                    .intersect(present.get());
            if (!later.isEmpty()) {
                out.add(new Violation(id(), "failover restored records written after the promoted snapshot",
                        where + ": " + later));
            }
            if (planned) {
                RecordSet all = at.heldAt(src, w.file(), w.workload(), at.now()).minus(present.get());
                if (!all.isEmpty()) {
                    out.add(new Violation("planned-reverse-loses-nothing", "the planned reverse (ShutdownSnapshot "
                            + basename + ") lost " + all.count() + " records", where + ": missing " + all));
                }
            }
        }
        return out;
    }
}
