package io.mirrordrill.scenario.runner;

import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.SvmState;
import io.mirrordrill.port.ontap.VolumeRecord;
import io.mirrordrill.scenario.workload.Ledger;
import io.mirrordrill.scenario.workload.RecordSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An activated SVM-DR destination (its relationship broken off, the SVM running) serves every volume of the source
 * SVM under the same name, each with the records its source volume held at the last transferred snapshot (plus what
 * was written into it since). Checked once per activation, with the emulator's own view of both clusters.
 */
final class SvmDrServesSource implements Invariant {
    @Override
    public String id() {
        return "svm-dr-destination-serves-source";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        OntapEmulator ontap = at.estate.sim().ontap();
        for (String cluster : ontap.clusterNames()) {
            for (RelationshipRecord r : ontap.cluster(cluster).relationships(false)) {
                if (!r.destinationPath().endsWith(":") || r.state() != RelationshipState.BROKEN_OFF) {
                    continue;
                }
                String dstSvm = svm(r.destinationPath());
                boolean running = ontap.cluster(cluster).svm(dstSvm).map(s -> s.state() == SvmState.RUNNING)
                        .orElse(false);
                if (running && at.done.add(id() + "/" + r.uuid() + "/" + r.exportedSnapshot())) {
                    out.addAll(activated(at, ontap, cluster, r, dstSvm));
                }
            }
        }
        return out;
    }

    private List<Violation> activated(Checkpoint at, OntapEmulator ontap, String cluster, RelationshipRecord r,
                                      String dstSvm) {
        List<Violation> out = new ArrayList<>();
        String srcSvm = svm(r.sourcePath());
        Set<String> served = new TreeSet<>();
        ontap.cluster(cluster).volumes(dstSvm).forEach(v -> served.add(v.name()));
        String where = "SVM-DR " + r.sourcePath() + " -> " + r.destinationPath() + " on " + cluster;
        for (VolumeRecord v : ontap.cluster(r.sourceCluster()).volumes(srcSvm)) {
            if (!served.contains(v.name())) {
                out.add(new Violation(id(), "the activated destination SVM " + dstSvm + " lacks volume " + v.name()
                        + " of its source SVM " + srcSvm, where + ": it serves " + served));
                continue;
            }
            String src = srcSvm + ":" + v.name();
            String dst = dstSvm + ":" + v.name();
            Optional<Long> snapshot = r.exportedSnapshot() == null ? Optional.empty()
                    : at.trace.sourceSnapshotSequence(src, r.exportedSnapshot());
            for (Ledger.Run w : at.writtenInto(src)) {
                Optional<RecordSet> present = at.volumes.records(dst, w.file());
                if (present.isEmpty() || snapshot.isEmpty()) {
                    continue;
                }
                RecordSet expected = at.heldAt(src, w.file(), w.workload(), snapshot.get());
                expected.addAll(at.ledger.records(w.workload(), dst, w.file(), x -> true));
                RecordSet missing = expected.minus(present.get());
                RecordSet extra = present.get().minus(expected);
                if (!missing.isEmpty() || !extra.isEmpty()) {
                    out.add(new Violation(id(), "the activated destination does not serve the data of the last"
                            + " transfer (snapshot " + r.exportedSnapshot() + ")", where + " " + dst + " "
                            + w.file() + ": missing " + missing + ", not expected " + extra));
                }
            }
        }
        return out;
    }

    private static String svm(String path) {
        return path.substring(0, path.indexOf(':'));
    }
}
