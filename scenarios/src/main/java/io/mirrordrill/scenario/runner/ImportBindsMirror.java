package io.mirrordrill.scenario.runner;

import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.scenario.workload.Ledger;
import io.mirrordrill.scenario.workload.RecordSet;
import io.mirrordrill.scenario.workload.VolumeRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After {@code tridentctl import volume} the new claim is bound to the imported volume, and when that volume is a
 * SnapMirror destination it holds every record its source held at the last transferred snapshot: the claim serves
 * the mirrored data. Checked once per import, at the end of the step.
 */
final class ImportBindsMirror implements Invariant {
    @Override
    public String id() {
        return "import-binds-mirrored-data";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        for (TraceWatch.Import i : at.trace.imports()) {
            if (!at.done.add(id() + "/" + i.cluster() + "/" + i.seq())) {
                continue;
            }
            String claim = i.cluster() + ":" + i.namespace() + "/" + i.claim();
            Optional<VolumeRef> bound = at.volume(i.cluster(), i.namespace(), i.claim());
            if (bound.isEmpty() || !bound.get().path().equals(i.volume())) {
                out.add(new Violation(id(), "the imported claim " + claim + " is not bound to volume " + i.volume(),
                        "bound to " + bound.map(VolumeRef::path).orElse("nothing")));
                continue;
            }
            mirror(at, i.volume()).ifPresent(r -> out.addAll(mirrored(at, r, claim)));
        }
        return out;
    }

    private List<Violation> mirrored(Checkpoint at, RelationshipRecord r, String claim) {
        List<Violation> out = new ArrayList<>();
        Optional<Long> snapshot = r.exportedSnapshot() == null ? Optional.empty()
                : at.trace.sourceSnapshotSequence(r.sourcePath(), r.exportedSnapshot());
        if (snapshot.isEmpty()) {
            return out;
        }
        for (Ledger.Run w : at.writtenInto(r.sourcePath())) {
            Optional<RecordSet> present = at.volumes.records(r.destinationPath(), w.file());
            if (present.isEmpty()) {
                continue;
            }
            RecordSet missing = at.heldAt(r.sourcePath(), w.file(), w.workload(), snapshot.get())
                    .minus(present.get());
            if (!missing.isEmpty()) {
                out.add(new Violation(id(), "the imported claim " + claim + " lacks " + missing.count()
                        + " records its mirror's source held at snapshot " + r.exportedSnapshot(),
                        r.sourcePath() + " -> " + r.destinationPath() + " " + w.file() + ": missing " + missing));
            }
        }
        return out;
    }

    /** The relationship into the volume, seen from its destination cluster (the emulator's own view). */
    private static Optional<RelationshipRecord> mirror(Checkpoint at, String volume) {
        OntapEmulator ontap = at.estate.sim().ontap();
        for (String cluster : ontap.clusterNames()) {
            Optional<RelationshipRecord> r = ontap.cluster(cluster).relationshipTo(volume);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }
}
