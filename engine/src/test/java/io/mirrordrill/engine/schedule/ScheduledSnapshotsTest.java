package io.mirrordrill.engine.schedule;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ResourceKind;
import io.mirrordrill.engine.model.Schedule;
import io.mirrordrill.engine.model.Snapshot;
import io.mirrordrill.engine.model.crd.Crds;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retention of a schedule's snapshots, decided from their states on the Kubernetes emulator. */
class ScheduledSnapshotsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final World world = world();
    private final KubernetesPort kube = new KubernetesCluster(world, "k", "dc1").port();
    private final ScheduledSnapshots snapshots = new ScheduledSnapshots(kube,
            new EventRecorder(kube, world, "test", "test-0"));
    private final Schedule schedule = (Schedule) ProtectYaml.readAll("schedule.yaml", """
            apiVersion: protect.trident.netapp.io/v1
            kind: Schedule
            metadata:
              name: hourly
              namespace: app
            spec:
              applicationRef: app
              appVaultRef: vault
              granularity: Hourly
              minute: "0"
              snapshotRetention: "2"
            """).get(0);

    private static World world() {
        World w = new World(5);
        w.network().site("dc1");
        return w;
    }

    ScheduledSnapshotsTest() {
        kube.create(Resources.fromTree(Crds.definition(ResourceKind.SNAPSHOT)));
        kube.create(Resources.generic("v1", "Namespace", null, "app"));
    }

    /** The occurrence {@code hour} hours after T0 gets a Snapshot in {@code state} ("" leaves it without a status). */
    private String snapshot(int hour, String state) {
        Instant at = T0.plusSeconds(3600L * hour);
        snapshots.create(schedule, at);
        String name = ScheduledSnapshots.name(schedule, at);
        if (!state.isEmpty()) {
            GenericKubernetesResource s = kube.get(ProtectApi.API_VERSION, Snapshot.KIND, "app", name).orElseThrow();
            s.getAdditionalProperties().put("status", Map.of("state", state));
            kube.updateStatus(s);
        }
        return name;
    }

    private List<String> left() {
        return kube.list(ProtectApi.API_VERSION, Snapshot.KIND, "app", LabelSelector.parse(
                ScheduledSnapshots.SCHEDULE_LABEL + "=hourly")).stream().map(r -> r.getMetadata().getName())
                .sorted().toList();
    }

    @Test
    void aSnapshotIsNamedAfterItsOccurrenceInUtcAndCreatingItAgainKeepsOne() {
        assertEquals("hourly-20260101030000", ScheduledSnapshots.name(schedule, T0.plusSeconds(3 * 3600)));
        snapshots.create(schedule, T0);
        snapshots.create(schedule, T0);
        assertEquals(List.of("hourly-20260101000000"), left());
        Snapshot s = (Snapshot) ProtectYaml.fromGeneric(kube.get(ProtectApi.API_VERSION, Snapshot.KIND, "app",
                "hourly-20260101000000").orElseThrow());
        assertEquals("app", s.spec().applicationRef());
        assertEquals("vault", s.spec().appVaultRef());
        assertEquals("app", s.metadata().getLabels().get(ScheduledSnapshots.APPLICATION_LABEL));
    }

    @Test
    void retentionKeepsTheNewestCompletedSnapshotsAndDeletesOlderOnes() {
        String oldest = snapshot(0, "Completed");
        String second = snapshot(1, "Completed");
        String third = snapshot(2, "Completed");
        String newest = snapshot(3, "Completed");
        assertFalse(snapshots.prune(schedule, 2), "nothing is running");
        assertEquals(List.of(third, newest), left());
        assertTrue(List.of(oldest, second).stream().noneMatch(left()::contains));
    }

    @Test
    void retentionWithoutAKeepCountKeepsEveryCompletedSnapshot() {
        snapshot(0, "Completed");
        snapshot(1, "Completed");
        snapshot(2, "Completed");
        snapshots.prune(schedule, null);
        assertEquals(3, left().size());
    }

    @Test
    void aFailedSnapshotGoesOnceANewerOneCompletedAndStaysWhileNoneHas() {
        String failedFirst = snapshot(0, "Failed");
        snapshots.prune(schedule, 2);
        assertEquals(List.of(failedFirst), left(), "no success has superseded it yet");
        String completed = snapshot(1, "Completed");
        String failedAfter = snapshot(2, "Failed");
        snapshots.prune(schedule, 2);
        assertEquals(List.of(completed, failedAfter), left(), "the failure after the newest success stays");
    }

    @Test
    void aRunningSnapshotIsLeftAloneAndMakesRetentionDueAgain() {
        snapshot(0, "Completed");
        snapshot(1, "Completed");
        snapshot(2, "Completed");
        String running = snapshot(3, "");
        assertTrue(snapshots.prune(schedule, 1));
        assertEquals(2, left().size());
        assertTrue(left().contains(running));
    }

    @Test
    void theSchedulesTimeoutAnnotationsAreCopiedToItsSnapshotsAndNoOthers() {
        Schedule annotated = (Schedule) ProtectYaml.readAll("schedule.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: Schedule
                metadata:
                  name: hourly
                  namespace: app
                  annotations:
                    protect.trident.netapp.io/snapshot-completion-timeout: 90m
                    team: storage
                spec:
                  applicationRef: app
                  appVaultRef: vault
                  granularity: Hourly
                  minute: "0"
                """).get(0);
        snapshots.create(annotated, T0);
        snapshots.create(schedule, T0.plusSeconds(3600));
        GenericKubernetesResource copied = kube.get(ProtectApi.API_VERSION, Snapshot.KIND, "app",
                "hourly-20260101000000").orElseThrow();
        assertEquals(Map.of("protect.trident.netapp.io/snapshot-completion-timeout", "90m"),
                copied.getMetadata().getAnnotations());
        GenericKubernetesResource plain = kube.get(ProtectApi.API_VERSION, Snapshot.KIND, "app",
                "hourly-20260101010000").orElseThrow();
        assertTrue(plain.getMetadata().getAnnotations() == null || plain.getMetadata().getAnnotations().isEmpty(),
                () -> "annotations without a timeout on the schedule: " + plain.getMetadata().getAnnotations());
    }

    @Test
    void firingAnOccurrenceRecordsAScheduleFiredEventOnTheSchedule() {
        snapshots.create(schedule, T0);
        snapshots.create(schedule, T0);
        List<String> events = kube.list("v1", "Event", "app", LabelSelector.everything()).stream()
                .map(e -> e.get("reason") + " " + e.get("message")).toList();
        assertEquals(List.of("ScheduleFired created Snapshot hourly-20260101000000 for the occurrence at "
                + "2026-01-01T00:00:00Z"), events, "one event: the second create found the Snapshot there");
    }
}
