package io.mirrordrill.scenario.runner.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.EnginePorts;
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

/**
 * Stand-in for the source engine's Schedule controller: on each occurrence of an enabled schedule, a Snapshot CR
 * labelled with the schedule; after each, the schedule's completed snapshots beyond {@code snapshotRetention} are
 * deleted (CR and VolumeSnapshots; the archive stays for the {@code SnapshotTaker} of the real engine to clean).
 */
final class ScheduleRunner implements Reconciler {
    static final String LABEL = "protect.trident.netapp.io/schedule";
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
            String name = completed.get(i).path("metadata").path("name").asText();
            for (GenericKubernetesResource vs : api.list("snapshot.storage.k8s.io/v1", "VolumeSnapshot",
                    key.namespace(), LabelSelector.everything())) {
                if (vs.getMetadata().getName().startsWith(name + "-")) {
                    delete(api, "snapshot.storage.k8s.io/v1", "VolumeSnapshot", key.namespace(),
                            vs.getMetadata().getName());
                }
            }
            delete(api, ProtectApi.API_VERSION, "Snapshot", key.namespace(), name);
        }
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
