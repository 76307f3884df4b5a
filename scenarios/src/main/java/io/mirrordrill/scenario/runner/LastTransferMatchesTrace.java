package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchivePathException;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.scenario.workload.VolumeRef;
import io.mirrordrill.scenario.world.SimCluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An AMR's {@code status.lastTransfer} tells what the trace shows: its {@code transferSizeBytes} are the bytes the
 * last transfer of each of its SnapMirror relationships moved (as of {@code completionTimestamp}), and that time is
 * neither in the future nor before those transfers ended. Judged only where every such transfer had succeeded by
 * then; each value once.
 */
final class LastTransferMatchesTrace implements Invariant {
    @Override
    public String id() {
        return "amr-status-matches-trace";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        for (AmrWatch.History h : at.amrs.in("Established")) {
            Optional<JsonNode> amr = at.amr(h);
            JsonNode last = amr.map(a -> a.path("status").path("lastTransfer")).orElse(null);
            if (last == null || !last.has("completionTimestamp") || !last.has("transferSizeBytes")) {
                continue;
            }
            Instant when = Instant.parse(last.path("completionTimestamp").asText());
            long bytes = last.path("transferSizeBytes").asLong();
            if (!at.done.add(id() + "/" + h.key() + "/" + when + "/" + bytes)) {
                continue;
            }
            String where = "AMR " + h.cluster + "/" + h.namespace + "/" + h.name + " status.lastTransfer {"
                    + "completionTimestamp: " + when + ", transferSizeBytes: " + bytes + "}";
            if (when.isAfter(at.estate.world().now())) {
                out.add(new Violation(id(), "status.lastTransfer is in the future", where + "; now "
                        + at.estate.world().now()));
                continue;
            }
            Optional<Instant> taken = snapshotTime(amr.get());
            if (taken.isPresent() && when.isBefore(taken.get())) {
                out.add(new Violation(id(), "status.lastTransfer.completionTimestamp is before the snapshot it"
                        + " transferred was taken", where + "; lastTransferredSnapshot "
                        + amr.get().path("status").path("lastTransferredSnapshot").asText() + " taken at "
                        + taken.get()));
                continue;
            }
            expected(at, h, amr.get(), when).ifPresent(e -> {
                if (e.bytes() != bytes) {
                    out.add(new Violation(id(), "status.lastTransfer.transferSizeBytes is " + bytes + " but the last"
                            + " transfers moved " + e.bytes() + " bytes", where + "; trace: " + e.evidence()));
                } else if (e.end().isAfter(when)) {
                    out.add(new Violation(id(), "status.lastTransfer.completionTimestamp is before the transfer"
                            + " ended", where + "; trace: " + e.evidence()));
                }
            });
        }
        return out;
    }

    private static Optional<Instant> snapshotTime(JsonNode amr) {
        String basename = amr.path("status").path("lastTransferredSnapshot").asText("");
        try {
            return basename.isEmpty() ? Optional.empty() : Optional.of(ArchivePath.fromBasename(
                    amr.path("spec").path("sourceApplicationName").asText(),
                    amr.path("spec").path("sourceApplicationUID").asText(), basename, "status").createdAt());
        } catch (ArchivePathException notABasename) {
            return Optional.empty();
        }
    }

    private record Expected(long bytes, Instant end, String evidence) {}

    /** What the trace says, when every destination volume's last transfer (started by then) has succeeded. */
    private static Optional<Expected> expected(Checkpoint at, AmrWatch.History h, JsonNode amr, Instant when) {
        SimCluster c = at.estate.cluster(h.cluster);
        List<TraceWatch.Transfer> transfers = at.trace.transfers();
        long bytes = 0;
        Instant end = Instant.MIN;
        StringBuilder evidence = new StringBuilder();
        boolean any = false;
        for (JsonNode m : amr.path("spec").path("namespaceMapping")) {
            String ns = m.path("destination").asText();
            for (GenericKubernetesResource pvc : c.api().list("v1", "PersistentVolumeClaim", ns,
                    LabelSelector.everything())) {
                Optional<VolumeRef> v = VolumeRef.of(c.api(), ns, pvc.getMetadata().getName());
                Optional<RelationshipRecord> rel = v.flatMap(ref -> at.estate.sim().ontap()
                        .cluster(ref.ontapCluster()).relationshipTo(ref.path()));
                if (rel.isEmpty()) {
                    continue;
                }
                TraceWatch.Transfer t = transfers.stream().filter(x -> x.uuid().equals(rel.get().uuid())
                        && !x.start().isAfter(when)).reduce((a, b) -> b).orElse(null);
                if (t == null || t.end() == null || !"success".equals(t.outcome())) {
                    return Optional.empty();
                }
                any = true;
                bytes += t.bytes();
                end = t.end().isAfter(end) ? t.end() : end;
                evidence.append(evidence.length() == 0 ? "" : "; ").append(ns).append("/")
                        .append(pvc.getMetadata().getName()).append(" transfer ").append(t.type()).append(" ")
                        .append(t.start()).append("..").append(t.end()).append(" ").append(t.bytes()).append(" bytes");
            }
        }
        return any ? Optional.of(new Expected(bytes, end, evidence.toString())) : Optional.empty();
    }
}
