package io.mirrordrill.scenario.runner.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.appvault.ResolvedVault;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchiveRetention;
import io.mirrordrill.engine.port.objectstore.ObjectStorePort;
import io.mirrordrill.engine.port.ontap.OntapException;
import io.mirrordrill.engine.port.ontap.OntapPort;
import io.mirrordrill.scenario.workload.VolumeRef;
import io.mirrordrill.engine.MirrordrillException;
import io.mirrordrill.engine.controller.Outcome;
import io.mirrordrill.engine.controller.Reconciler;
import io.mirrordrill.engine.controller.ResourceKey;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.Schedule;
import io.mirrordrill.engine.model.schedule.Recurrence;
import io.mirrordrill.engine.model.schedule.Recurrences;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.engine.port.kubernetes.KubernetesPort;
import io.mirrordrill.engine.port.kubernetes.LabelSelector;
import io.mirrordrill.engine.port.kubernetes.NotFoundException;
import io.mirrordrill.engine.port.kubernetes.Resources;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stand-in for the source engine's Schedule controller: on each occurrence of an enabled schedule, a Snapshot CR
 * labelled with the schedule; after each, the schedule's completed snapshots beyond {@code snapshotRetention} are
 * deleted with their reclaim policy Delete: the archive, the VolumeSnapshots and (as Trident's CSI driver does, which
 * the cluster simulator does not model yet) their ONTAP snapshots, then the CR.
 */
final class ScheduleRunner implements Reconciler {
    static final String LABEL = "protect.trident.netapp.io/schedule";
    private static final String SNAPSHOT_API = "snapshot.storage.k8s.io/v1";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final EnginePorts ports;

    ScheduleRunner(EnginePorts ports) {
        this.ports = ports;
    }

    @Override
    public Outcome reconcile(ResourceKey key) {
        KubernetesPort api = ports.kubernetes();
        var found = api.get(ProtectApi.API_VERSION, Schedule.KIND, key.namespace(), key.name());
        if (found.isEmpty()) {
            return Outcome.done();
        }
        Schedule schedule = (Schedule) ProtectYaml.fromGeneric(found.get());
        if (schedule.spec() == null || !schedule.spec().enabledOrDefault()) {
            return Outcome.done();
        }
        Recurrence recurrence;
        try {
            recurrence = Recurrences.of(schedule.spec());
        } catch (MirrordrillException invalid) {
            return Outcome.done();
        }
        Instant now = ports.clock().now();
        JsonNode status = Resources.toTree(found.get()).path("status");
        Instant last = status.has("lastRun") ? Instant.parse(status.path("lastRun").asText())
                : Instant.parse(Resources.toTree(found.get()).path("metadata").path("creationTimestamp").asText());
        Instant due = recurrence.next(last);
        if (due.isAfter(now)) {
            return Outcome.requeueAfter(Duration.between(now, due));
        }
        snapshot(api, schedule, now);
        prune(api, key, retention(schedule.spec().snapshotRetention()));
        api.patchStatus(ProtectApi.API_VERSION, Schedule.KIND, key.namespace(), key.name(),
                "{\"status\":{\"lastRun\":\"" + now + "\"}}");
        return Outcome.requeueAfter(Duration.between(now, recurrence.next(now)));
    }

    private void snapshot(KubernetesPort api, Schedule schedule, Instant now) {
        ObjectNode snap = Resources.mapper().createObjectNode();
        snap.put("apiVersion", ProtectApi.API_VERSION).put("kind", "Snapshot");
        ObjectNode meta = snap.putObject("metadata");
        meta.put("name", schedule.name() + "-" + STAMP.format(now)).put("namespace", schedule.namespace());
        meta.putObject("labels").put(LABEL, schedule.name());
        snap.putObject("spec").put("applicationRef", schedule.spec().applicationRef())
                .put("appVaultRef", schedule.spec().appVaultRef()).put("reclaimPolicy", "Delete");
        api.create(Resources.fromTree(snap));
    }

    /** Keeps the newest {@code keep} completed snapshots of the schedule. */
    private void prune(KubernetesPort api, ResourceKey key, int keep) {
        List<JsonNode> completed = api.list(ProtectApi.API_VERSION, "Snapshot", key.namespace(),
                        LabelSelector.matching(Map.of(LABEL, key.name()))).stream().<JsonNode>map(Resources::toTree)
                .filter(s -> s.path("status").path("state").asText("").equals("Completed"))
                .sorted(Comparator.comparing((JsonNode s) -> s.path("metadata").path("creationTimestamp").asText())
                        .thenComparing(s -> s.path("metadata").path("name").asText()))
                .toList();
        for (int i = 0; i < completed.size() - keep; i++) {
            JsonNode snapshot = completed.get(i);
            String name = snapshot.path("metadata").path("name").asText();
            for (GenericKubernetesResource vs : api.list("snapshot.storage.k8s.io/v1", "VolumeSnapshot",
                    key.namespace(), LabelSelector.everything())) {
                if (vs.getMetadata().getName().startsWith(name + "-")) {
                    volumeSnapshot(api, Resources.toTree(vs));
                }
            }
            archive(api, snapshot, key.namespace());
            delete(api, ProtectApi.API_VERSION, "Snapshot", key.namespace(), name);
        }
    }

    /** Deletes a VolumeSnapshot and, as Trident's CSI driver does for a Delete policy, its ONTAP snapshot. */
    private void volumeSnapshot(KubernetesPort api, JsonNode vs) {
        String ns = vs.path("metadata").path("namespace").asText();
        String content = vs.path("status").path("boundVolumeSnapshotContentName").asText("");
        String claim = vs.path("spec").path("source").path("persistentVolumeClaimName").asText();
        Optional<JsonNode> vsc = content.isEmpty() ? Optional.empty()
                : api.get(SNAPSHOT_API, "VolumeSnapshotContent", null, content).map(Resources::toTree);
        String handle = vsc.map(c -> c.path("status").path("snapshotHandle").asText("")).orElse("");
        VolumeRef.of(api, ns, claim).ifPresent(v -> {
            try {
                OntapPort ontap = ports.ontap().connect(v.ontapCluster());
                ontap.volume(v.svm(), v.volume()).ifPresent(vol -> ontap.snapshots(vol.uuid()).stream()
                        .filter(s -> s.name().equals(handle.substring(handle.indexOf('/') + 1))).findFirst()
                        .ifPresent(s -> ontap.deleteSnapshot(vol.uuid(), s.uuid())));
            } catch (OntapException busy) {
                // a snapshot SnapMirror still holds stays; ONTAP refuses to delete it
            }
        });
        delete(api, SNAPSHOT_API, "VolumeSnapshot", ns, vs.path("metadata").path("name").asText());
        if (!content.isEmpty()) {
            delete(api, SNAPSHOT_API, "VolumeSnapshotContent", null, content);
        }
    }

    /** The snapshot's archive in its AppVault (reclaim policy Delete, as the schedule's snapshots have). */
    private void archive(KubernetesPort api, JsonNode snapshot, String namespace) {
        String path = snapshot.path("status").path("appArchivePath").asText("");
        if (path.isEmpty()) {
            return;
        }
        ResolvedVault vault = SnapshotTaker.vault(api, snapshot.path("spec").path("appVaultRef").asText(), namespace);
        ObjectStorePort store = ports.objectStores().connect(vault.target());
        new ArchiveRetention(store, vault.bucket()).delete(ArchivePath.parse(path, "status.appArchivePath"));
    }

    private static void delete(KubernetesPort api, String apiVersion, String kind, String ns, String name) {
        try {
            api.delete(apiVersion, kind, ns, name);
        } catch (NotFoundException gone) {
            // already deleted: what was wanted
        }
    }

    private static int retention(String text) {
        try {
            return Math.max(1, Integer.parseInt(text == null ? "2" : text.strip()));
        } catch (NumberFormatException e) {
            return 2;
        }
    }
}
