package io.mirrordrill.scenario.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.exec.PodExecPort;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.WriteCondition;
import io.mirrordrill.port.ontap.DeleteScope;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.SnapshotRecord;
import io.mirrordrill.port.ontap.TransferRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The planted-defect catalogue: realistic engine defects, each planted by wrapping the ports an engine gets (the
 * engine calls the wrong thing, in the wrong order, skips a call, passes a wrong argument), so the engine's own
 * code holds no defect switch; and for each, the drill or fuzz seed that catches it and what its failure names.
 * {@code PlantedDefectCatalogueTest} proves every entry; {@code drill fuzz --planted-bug NAME} and
 * {@code drill run --planted-bug NAME} take every name. Never used otherwise.
 */
public final class PlantedBugs {
    private static final String AMR = "AppMirrorRelationship";
    private static final String MANIFEST = "/manifest.json";

    /** The catalogue, by workflow. */
    public static final List<PlantedDefect> CATALOGUE = List.of(
            // ---- failover -------------------------------------------------------------------------------------
            new PlantedDefect("skip-quiesce", "failover", "the engine breaks the relationship where it should quiesce"
                    + " it, so a break meets a running transfer and the failover waits for that transfer to end",
                    "failover-during-transfer", "no-break-during-transfer", PlantedBugs::skipQuiesce),
            new PlantedDefect("break-instead-of-abort", "failover", "the engine breaks where it should abort the"
                    + " running transfer (ONTAP refuses the break while the transfer runs)",
                    "failover-during-transfer", "no-break-during-transfer", ontap((port, m, a, real) ->
                    m.equals("abortTransfer") ? ((OntapPort) port).patchRelationship((String) a[0],
                            RelationshipPatch.state(RelationshipState.BROKEN_OFF)) : real.with(a))),
            new PlantedDefect("break-before-quiesced", "failover", "the engine sends the break right after the"
                    + " quiesce, without waiting for the quiesce to finish",
                    "failover-during-transfer", "no-break-during-transfer", ontap((port, m, a, real) -> {
                        Object job = real.with(a);
                        if (m.equals("patchRelationship") && ((RelationshipPatch) a[1]).state()
                                == RelationshipState.PAUSED) {
                            try {
                                ((OntapPort) port).patchRelationship((String) a[0],
                                        RelationshipPatch.state(RelationshipState.BROKEN_OFF));
                            } catch (RuntimeException refused) {
                                // the engine ignores the answer of its early break
                            }
                        }
                        return job;
                    })),
            new PlantedDefect("wait-instead-of-abort", "failover", "the engine quiesces again where it should abort"
                    + " the running transfer, so the failover waits for the transfer: a slow RTO",
                    "failover-during-transfer", "rto", ontap((port, m, a, real) ->
                    m.equals("abortTransfer") ? ((OntapPort) port).patchRelationship((String) a[0],
                            RelationshipPatch.state(RelationshipState.PAUSED)) : real.with(a))),
            new PlantedDefect("promote-older-snapshot", "failover", "once the failover has begun the engine's"
                    + " snapshot listing misses the newest application snapshot (an off-by-one in paging), so it"
                    + " promotes the snapshot before the newest replicated one",
                    "failover-site-loss", "promoted-newest-replicated", PlantedBugs::promoteOlderSnapshot),
            new PlantedDefect("slow-failover-polls", "failover", "the engine polls a failover's progress three"
                    + " times slower than it should (its short requeues are tripled): the failover takes three"
                    + " times longer",
                    "failover-site-loss", "rto", scheduler((port, m, a, real) -> {
                        Duration d = (Duration) a[0];
                        boolean shortPoll = String.valueOf(a[1]).startsWith("requeue ")
                                && d.compareTo(Duration.ofMinutes(1)) < 0;
                        return real.with(shortPoll ? d.multipliedBy(3) : d, a[1], a[2]);
                    })),
            // ---- set up and replication -----------------------------------------------------------------------
            new PlantedDefect("no-update-transfers", "set up", "the engine never starts a SnapMirror update: it"
                    + " reads the last transfer back as if it had started one, so only the baseline replicates",
                    "setup-replication", "rpo-bound", ontap((port, m, a, real) -> {
                        if (!m.equals("startTransfer")) {
                            return real.with(a);
                        }
                        List<TransferRecord> done = ((OntapPort) port).transfers((String) a[0]);
                        return done.isEmpty() ? real.with(a) : done.get(done.size() - 1);
                    })),
            new PlantedDefect("lost-last-transferred", "set up", "the engine's status patch leaves out"
                    + " lastTransferredSnapshot, so the relationship reports its first snapshot forever",
                    "setup-replication", "rpo-bound", status(s -> {
                        if (s.has("lastTransferredSnapshot") && s.has("lastTransfer")) {
                            s.remove("lastTransferredSnapshot");
                        }
                    })),
            new PlantedDefect("cumulative-transfer-bytes", "set up", "status.lastTransfer.transferSizeBytes adds"
                    + " up every transfer since the relationship began instead of the last one",
                    "setup-replication", "amr-status-matches-trace", PlantedBugs::cumulativeBytes),
            new PlantedDefect("stale-transfer-time", "set up", "status.lastTransfer.completionTimestamp keeps the"
                    + " time of the transfer before (the engine stamps the time it last wrote)",
                    "setup-replication", "amr-status-matches-trace", PlantedBugs::staleTransferTime),
            new PlantedDefect("transfer-time-in-local-zone", "set up", "status.lastTransfer.completionTimestamp"
                    + " is the local time (UTC+1) written as if it were UTC: an hour in the future",
                    "setup-replication", "amr-status-matches-trace", status(s -> {
                        JsonNode last = s.path("lastTransfer");
                        if (last.has("completionTimestamp")) {
                            ((ObjectNode) last).put("completionTimestamp", Instant.parse(last
                                    .path("completionTimestamp").asText()).plus(Duration.ofHours(1)).toString());
                        }
                    })),
            new PlantedDefect("transfer-bytes-zero", "set up", "status.lastTransfer.transferSizeBytes is read after"
                    + " ONTAP has reset the transfer's counter: always 0",
                    "setup-replication", "amr-status-matches-trace", status(s -> {
                        if (s.path("lastTransfer").has("transferSizeBytes")) {
                            ((ObjectNode) s.path("lastTransfer")).put("transferSizeBytes", 0);
                        }
                    })),
            // ---- schedule retention ---------------------------------------------------------------------------
            new PlantedDefect("retention-never-deletes", "schedule retention", "the schedule's retention pass"
                    + " counts the snapshots beyond snapshotRetention but its deletes never reach the API server",
                    "setup-replication", "schedule-retention-keeps", kubernetes((port, m, a, real) ->
                    m.equals("delete") && "Snapshot".equals(a[1]) ? null : real.with(a))),
            // ---- archive commit point -------------------------------------------------------------------------
            new PlantedDefect("manifest-first", "archive commit point", "the engine writes an archive's manifest"
                    + " (its commit point) before its parts, so a reader may see an archive whose parts are missing",
                    "setup-replication", "archive-committed-last", PlantedBugs::manifestFirst),
            // ---- delete -------------------------------------------------------------------------------------
            new PlantedDefect("release-destination-scope", "delete", "on delete the engine releases the source"
                    + " side with destination_only instead of source_only; ONTAP refuses and the engine, treating a"
                    + " failed release as done, removes its finalizer",
                    "delete-relationship", "delete-releases-source", ontap((port, m, a, real) ->
                    m.equals("deleteRelationship") && a[1] == DeleteScope.SOURCE_ONLY
                            ? real.with(a[0], DeleteScope.DESTINATION_ONLY) : real.with(a))),
            // ---- namespace merge --------------------------------------------------------------------------------
            new PlantedDefect("merge-drops-annotations", "namespace merge", "the failover writes the merged"
                    + " namespace labels but sends the namespace without annotations",
                    "namespace-merge", "namespace-merge-rule", namespaceUpdate((merged, current, kube) ->
                    merged.with("metadata").remove("annotations"))),
            new PlantedDefect("merge-copies-name-label", "namespace merge", "the merge copies the source's"
                    + " name label verbatim instead of giving the destination namespace its own name",
                    "namespace-merge", "namespace-merge-rule", namespaceUpdate((merged, current, kube) -> {
                        String ns = merged.path("metadata").path("name").asText();
                        ObjectNode labels = merged.with("metadata").with("labels");
                        if (!labels.path("name").asText().equals(ns)) {
                            return;
                        }
                        for (GenericKubernetesResource amr : kube.list(ProtectApi.API_VERSION, AMR, null,
                                LabelSelector.everything())) {
                            for (JsonNode m : Resources.toTree(amr).path("spec").path("namespaceMapping")) {
                                if (m.path("destination").asText().equals(ns)) {
                                    labels.put("name", m.path("source").asText());
                                }
                            }
                        }
                    })),
            // ---- storage class mapping --------------------------------------------------------------------------
            new PlantedDefect("class-mapping-dropped", "storage class mapping", "the engine creates the mirror"
                    + " claim without the class the mapping chose, so every claim lands on the default class",
                    "failover-class-mapping", "spec.storageClassName", kubernetes((port, m, a, real) -> {
                        if (m.equals("create") && a[0] instanceof GenericKubernetesResource r
                                && r.getKind().equals("PersistentVolumeClaim")) {
                            ObjectNode tree = Resources.toTree(r);
                            tree.with("spec").remove("storageClassName");
                            return real.with(Resources.fromTree(tree));
                        }
                        return real.with(a);
                    })),
            new PlantedDefect("class-mapping-under-storage-class-name", "storage class mapping", "a claim the"
                    + " mapping has no entry for gets the relationship's storageClassName, though a mapping"
                    + " overrides storageClassName entirely (such a claim takes the destination's default class)",
                    "failover-class-mapping", "spec.storageClassName", kubernetes((port, m, a, real) -> {
                        if (m.equals("create") && a[0] instanceof GenericKubernetesResource r
                                && r.getKind().equals("PersistentVolumeClaim")) {
                            ObjectNode tree = Resources.toTree(r);
                            String ns = r.getMetadata().getNamespace();
                            for (GenericKubernetesResource amr : ((KubernetesPort) port).list(ProtectApi.API_VERSION,
                                    AMR, ns, LabelSelector.everything())) {
                                JsonNode spec = Resources.toTree(amr).path("spec");
                                if (spec.has("storageClassName") && !spec.path("storageClassMapping").isEmpty()) {
                                    tree.with("spec").set("storageClassName", spec.path("storageClassName"));
                                }
                            }
                            return real.with(Resources.fromTree(tree));
                        }
                        return real.with(a);
                    })),
            // ---- exec hooks -------------------------------------------------------------------------------------
            new PlantedDefect("hook-not-run", "exec hooks", "the engine reports a post-failover hook as succeeded"
                    + " without running it in the container",
                    "failover-hooks", "hook-report-matches-exec", exec((port, m, a, real) ->
                    new PodExecPort.ExecResult(0, "", ""))),
            new PlantedDefect("hook-output-dropped", "exec hooks", "the engine runs the hook but drops its output"
                    + " from the ExecHooksRun and the relationship's status",
                    "failover-hooks", "stdout", exec((port, m, a, real) -> {
                        PodExecPort.ExecResult r = (PodExecPort.ExecResult) real.with(a);
                        return new PodExecPort.ExecResult(r.exitCode(), "", r.stderr());
                    })),
            // ---- resync and reverse resync ---------------------------------------------------------------------
            new PlantedDefect("takeover-app-running", "resync", "before resyncing claims that hold a writable"
                    + " volume the engine stops nothing (its workload deletes go to the wrong API group) and finds"
                    + " no pod (it lists pods with a selector that matches none)",
                    "resync-discards-destination-writes", "no-app-on-destination-while-established",
                    kubernetes((port, m, a, real) -> {
                        if (m.equals("delete") && ("apps/v1".equals(a[0]) || "Pod".equals(a[1]))) {
                            return null;
                        }
                        if (m.equals("list") && "Pod".equals(a[1])) {
                            return List.of();
                        }
                        return real.with(a);
                    })),
            new PlantedDefect("reverse-resync-keeps-source-hooks", "reverse resync", "taking over the original"
                    + " source's claims the engine leaves its ExecHooks behind (its deletes name the wrong kind), so"
                    + " a later failover runs hooks meant for the other site",
                    "failover-hooks", "ExecHook", kubernetes((port, m, a, real) ->
                    m.equals("delete") && "ExecHook".equals(a[1]) ? null : real.with(a))),
            // ---- reverse direction and fail back ----------------------------------------------------------------
            new PlantedDefect("promoted-snapshot-ignored", "reverse direction", "the engine reads the relationship"
                    + " without spec.promotedSnapshot and fails over to the newest replicated snapshot instead of"
                    + " the ShutdownSnapshot",
                    "reverse-direction-shutdown-snapshot", "planned-reverse-loses-nothing",
                    kubernetes((port, m, a, real) -> {
                        Object got = real.with(a);
                        if (m.equals("get") && AMR.equals(a[1]) && got instanceof Optional<?> o && o.isPresent()) {
                            ObjectNode tree = Resources.toTree((GenericKubernetesResource) o.get());
                            tree.with("spec").remove("promotedSnapshot");
                            return Optional.of(Resources.fromTree(tree));
                        }
                        return got;
                    })),
            new PlantedDefect("release-taken-for-unreachable", "fail back", "when the site is back the reverse resync deletes the"
                    + " failed-over relationship, and the engine reads the returning source cluster's answer to the"
                    + " release as \"unreachable\", skipping the release as if the site were still gone",
                    "fail-back", "delete-releases-source", ontap((port, m, a, real) -> {
                        if (m.equals("deleteRelationship") && a[1] == DeleteScope.SOURCE_ONLY) {
                            throw new UnreachableException("source cluster", "connection reset (misread)");
                        }
                        return real.with(a);
                    })));

    /** The names {@link #of} knows. */
    public static final List<String> NAMES = CATALOGUE.stream().map(PlantedDefect::name).toList();

    private PlantedBugs() {
    }

    public static Optional<UnaryOperator<EnginePorts>> of(String name) {
        return entry(name).map(PlantedDefect::plant);
    }

    public static Optional<PlantedDefect> entry(String name) {
        return CATALOGUE.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    // ---- plants that keep state (one per engine) ------------------------------------------------------------

    /**
     * The engine skips the quiesce before a break: where it would quiesce the relationship it breaks it at once. With
     * no transfer running that works; during a transfer ONTAP refuses the break, and the engine, never quiescing and
     * so never aborting, retries until the transfer ends by itself: a failover during a long transfer waits for it.
     */
    static EnginePorts skipQuiesce(EnginePorts ports) {
        return ontap((port, m, a, real) -> m.equals("patchRelationship")
                && ((RelationshipPatch) a[1]).state() == RelationshipState.PAUSED
                ? real.with(a[0], RelationshipPatch.state(RelationshipState.BROKEN_OFF)) : real.with(a)).apply(ports);
    }

    private static EnginePorts promoteOlderSnapshot(EnginePorts ports) {
        boolean[] failingOver = {false};
        return ontap((port, m, a, real) -> {
            if (m.equals("patchRelationship") && ((RelationshipPatch) a[1]).state() == RelationshipState.PAUSED) {
                failingOver[0] = true;
            }
            Object got = real.with(a);
            if (!m.equals("snapshots") || !failingOver[0]) {
                return got;
            }
            @SuppressWarnings("unchecked")
            List<SnapshotRecord> all = new ArrayList<>((List<SnapshotRecord>) got);
            for (int i = all.size() - 1; i >= 0; i--) {
                if (!all.get(i).name().startsWith("snapmirror.")) {
                    all.remove(i);
                    break;
                }
            }
            return all;
        }).apply(ports);
    }

    private static EnginePorts cumulativeBytes(EnginePorts ports) {
        Map<String, Long> sums = new TreeMap<>();
        Map<String, String> lastTimes = new TreeMap<>();
        return status((key, s) -> {
            JsonNode last = s.path("lastTransfer");
            if (last.has("transferSizeBytes") && last.has("completionTimestamp")
                    && !last.path("completionTimestamp").asText().equals(lastTimes.put(key,
                    last.path("completionTimestamp").asText()))) {
                long sum = sums.merge(key, last.path("transferSizeBytes").asLong(), Long::sum);
                ((ObjectNode) last).put("transferSizeBytes", sum);
            }
        }).apply(ports);
    }

    private static EnginePorts staleTransferTime(EnginePorts ports) {
        Map<String, String> previous = new TreeMap<>();
        return status((key, s) -> {
            JsonNode last = s.path("lastTransfer");
            if (last.has("completionTimestamp")) {
                String now = last.path("completionTimestamp").asText();
                String before = previous.put(key, now);
                if (before != null) {
                    ((ObjectNode) last).put("completionTimestamp", before);
                }
            }
        }).apply(ports);
    }

    /** Holds every part of an archive back until its manifest comes, then writes the manifest first. */
    private static EnginePorts manifestFirst(EnginePorts ports) {
        Map<String, Map<String, Object[]>> held = new TreeMap<>();
        return objectStores((port, m, a, real) -> {
            if (!m.equals("put") || a.length < 4) {
                return real.with(a);
            }
            String key = (String) a[1];
            int slash = key.lastIndexOf('/');
            String folder = a[0] + "/" + (slash < 0 ? "" : key.substring(0, slash));
            if (key.endsWith(MANIFEST)) {
                Object etag = real.with(a);
                for (Object[] part : held.getOrDefault(folder, Map.of()).values()) {
                    ((ObjectStorePort) port).put((String) part[0], (String) part[1], (byte[]) part[2],
                            (WriteCondition) part[3]);
                }
                held.remove(folder);
                return etag;
            }
            if (a[3] == WriteCondition.IF_NONE_MATCH && !key.endsWith("/resources.json")) {
                held.computeIfAbsent(folder, f -> new LinkedHashMap<>()).put(key, a.clone());
                return "\"held\"";
            }
            return real.with(a);
        }).apply(ports);
    }

    // ---- how plants reach the ports -------------------------------------------------------------------------

    private static UnaryOperator<EnginePorts> ontap(PortTaps.Tap tap) {
        return PortTaps.ontap(tap);
    }

    private static UnaryOperator<EnginePorts> kubernetes(PortTaps.Tap tap) {
        return PortTaps.kubernetes(tap);
    }

    private static UnaryOperator<EnginePorts> objectStores(PortTaps.Tap tap) {
        return PortTaps.objectStores(tap);
    }

    private static UnaryOperator<EnginePorts> exec(PortTaps.Tap tap) {
        return PortTaps.exec(tap);
    }

    private static UnaryOperator<EnginePorts> scheduler(PortTaps.Tap tap) {
        return PortTaps.scheduler(tap);
    }

    /** Changes what the engine writes into an AppMirrorRelationship's status. */
    private interface StatusEdit {
        void edit(String amr, ObjectNode status);
    }

    private static UnaryOperator<EnginePorts> status(Consumer<ObjectNode> edit) {
        return status((key, s) -> edit.accept(s));
    }

    private static UnaryOperator<EnginePorts> status(StatusEdit edit) {
        return kubernetes((port, m, a, real) -> {
            if (!m.equals("patchStatus") || !AMR.equals(a[1])) {
                return real.with(a);
            }
            ObjectNode patch = (ObjectNode) Resources.mapper().readTree((String) a[4]);
            if (patch.path("status") instanceof ObjectNode s) {
                edit.edit(a[2] + "/" + a[3], s);
            }
            return real.with(a[0], a[1], a[2], a[3], patch.toString());
        });
    }

    /** Changes the namespace the failover writes ({@code merged}), given the namespace as it was. */
    private interface NamespaceEdit {
        void edit(ObjectNode merged, JsonNode current, KubernetesPort kube);
    }

    private static UnaryOperator<EnginePorts> namespaceUpdate(NamespaceEdit edit) {
        return kubernetes((port, m, a, real) -> {
            if (m.equals("update") && a[0] instanceof GenericKubernetesResource r && r.getKind().equals("Namespace")) {
                JsonNode current = ((KubernetesPort) port).get("v1", "Namespace", null, r.getMetadata().getName())
                        .map(n -> (JsonNode) Resources.toTree(n)).orElse(Resources.mapper().createObjectNode());
                ObjectNode merged = Resources.toTree(r);
                edit.edit(merged, current, (KubernetesPort) port);
                return real.with(Resources.fromTree(merged));
            }
            return real.with(a);
        });
    }

}
