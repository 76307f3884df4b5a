package io.mirrordrill.engine.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ReclaimPolicy;
import io.mirrordrill.engine.model.TimeoutAnnotation;
import io.mirrordrill.engine.model.Schedule;
import io.mirrordrill.engine.model.Snapshot;
import io.mirrordrill.engine.model.SnapshotSpec;
import io.mirrordrill.engine.model.SnapshotState;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.AlreadyExistsException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.engine.restore.RestoreLabels;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Snapshots a Schedule creates and prunes. Each is named {@code <schedule>-<yyyyMMddHHmmss>} after its occurrence
 * (UTC), so creating it again after a crash finds it there; labelled with the schedule and the application; and has
 * the schedule's {@code snapshotReclaimPolicy}, Delete by default, so that pruning one frees its archive and ONTAP
 * snapshots (Retain keeps them when the CR goes).
 */
final class ScheduledSnapshots {
    static final String SCHEDULE_LABEL = "protect.trident.netapp.io/schedule";
    static final String APPLICATION_LABEL = "protect.trident.netapp.io/application";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final KubernetesPort kubernetes;

    private final EventRecorder events;

    ScheduledSnapshots(KubernetesPort kubernetes, EventRecorder events) {
        this.events = events;
        this.kubernetes = kubernetes;
    }

    static String name(Schedule schedule, Instant occurrence) {
        return schedule.name() + "-" + STAMP.format(LocalDateTime.ofInstant(occurrence, ZoneOffset.UTC));
    }

    /** Creates the occurrence's Snapshot unless it exists. */
    void create(Schedule schedule, Instant occurrence) {
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name(schedule, occurrence));
        meta.setNamespace(schedule.namespace());
        Map<String, String> labels = new TreeMap<>();
        labels.put(SCHEDULE_LABEL, RestoreLabels.labelValue(schedule.name()));
        labels.put(APPLICATION_LABEL, RestoreLabels.labelValue(schedule.spec().applicationRef()));
        meta.setLabels(labels);
        Map<String, String> annotations = new TreeMap<>();
        Map<String, String> own = schedule.metadata().getAnnotations();
        for (TimeoutAnnotation t : TimeoutAnnotation.values()) {
            if (own != null && own.containsKey(t.key())) {
                annotations.put(t.key(), own.get(t.key()));  // the schedule's timeouts apply to its snapshots
            }
        }
        meta.setAnnotations(annotations.isEmpty() ? null : annotations);
        Snapshot snapshot = new Snapshot(meta, new SnapshotSpec(schedule.spec().applicationRef(),
                schedule.spec().appVaultRef(), schedule.spec().snapshotReclaimPolicyValue().orElse(ReclaimPolicy.DELETE)
                .value(), null));
        try {
            kubernetes.create(ProtectYaml.toGeneric(snapshot));
            events.normal(EventRecorder.Involved.of(ProtectApi.API_VERSION, Schedule.KIND, schedule.metadata()),
                    "ScheduleFired", "created Snapshot " + meta.getName() + " for the occurrence at " + occurrence);
        } catch (AlreadyExistsException e) {
            // created before a crash or a lost answer: the occurrence is taken
        }
    }

    /**
     * Keeps the {@code keep} newest Completed snapshots of the schedule and deletes the older ones, and deletes
     * Failed ones older than the newest Completed (a success has superseded them). Running ones are left alone.
     *
     * @param keep null keeps all
     * @return whether one of the schedule's snapshots is still running (retention is due again when it ends)
     */
    boolean prune(Schedule schedule, Integer keep) {
        List<JsonNode> all = new ArrayList<>(kubernetes.list(ProtectApi.API_VERSION, Snapshot.KIND,
                schedule.namespace(), LabelSelector.parse(SCHEDULE_LABEL + "=" + RestoreLabels.labelValue(
                        schedule.name()))).stream().map(r -> (JsonNode) Resources.toTree(r)).toList());
        all.sort(Comparator.comparing((JsonNode s) -> s.path("metadata").path("name").asText()).reversed());
        boolean running = false;
        int completed = 0;
        for (JsonNode s : all) {
            String state = s.path("status").path("state").asText("");
            boolean deleting = s.path("metadata").has("deletionTimestamp");
            if (state.equals(SnapshotState.COMPLETED.value())) {
                completed++;
                if (keep != null && completed > keep && !deleting) {
                    delete(s);
                }
            } else if (state.equals(SnapshotState.FAILED.value())) {
                if (completed > 0 && !deleting) {
                    delete(s);
                }
            } else {
                running = true;
            }
        }
        return running;
    }

    private void delete(JsonNode snapshot) {
        try {
            kubernetes.delete(ProtectApi.API_VERSION, Snapshot.KIND, snapshot.path("metadata").path("namespace")
                    .asText(), snapshot.path("metadata").path("name").asText());
        } catch (NotFoundException gone) {
            // deleted meanwhile
        }
    }
}
