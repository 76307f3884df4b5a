package io.mirrordrill.engine.estate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.mirrordrill.engine.estate.ProtectedEstate.NS;
import static io.mirrordrill.engine.estate.ProtectedEstate.PROTECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Schedule controller on the emulators: a five-minute schedule snapshots the app and keeps the newest two; it is
 * not Ready while its AppVault or Application is missing or in error, without moving its anchor.
 */
class ScheduleOnEmulatorsTest {
    private final ProtectedEstate e = new ProtectedEstate();

    @Test
    void aFiveMinuteScheduleTakesASnapshotEachIntervalAndRetentionKeepsTwo() {
        e.protectedApp("every-5m", true);
        e.estate.advance(Duration.ofMinutes(31));

        long completed = e.east.api().list(PROTECT, "Snapshot", NS, LabelSelector.everything()).stream()
                .filter(s -> "Completed".equals(Resources.toTree(s).at("/status/state").asText())).count();
        assertEquals(2, completed, "snapshotRetention 2 after six occurrences");
    }

    @Test
    void aDisabledScheduleTakesNoSnapshot() {
        e.protectedApp("off", false);
        e.estate.advance(Duration.ofMinutes(31));
        assertEquals(0, e.east.api().list(PROTECT, "Snapshot", NS, LabelSelector.everything()).size());
    }

    @Test
    void aScheduleWhoseAppVaultIsInErrorIsNotReadyYetKeepsItsAnchorAndIsReadyAgainOnceRepaired() {
        e.protectedApp("every-5m", true);
        ObjectNode ready = e.await(e.east, PROTECT, "Schedule", "every-5m", "status.conditions.0.status",
                "True"::equals, Duration.ofMinutes(1));
        String since = ready.at("/status/enabledSince").asText();
        assertEquals(ready.at("/status/conditions/0/lastTransitionTime").asText(), since);

        e.east.api().patch(PROTECT, "AppVault", "trident-protect", "src-vault",
                "{\"spec\":{\"providerConfig\":{\"s3\":{\"bucketName\":\"no-such-bucket\"}}}}");
        ObjectNode broken = e.await(e.east, PROTECT, "Schedule", "every-5m", "status.conditions.0.reason",
                "AppVaultNotReady"::equals, Duration.ofMinutes(10));
        assertEquals("False", broken.at("/status/conditions/0/status").asText());
        assertEquals("Enabled", broken.at("/status/state").asText());
        assertTrue(broken.at("/status/conditions/0/message").asText().contains("Fix: "), broken.toString());
        assertEquals(since, broken.at("/status/enabledSince").asText(), "the schedule's anchor stays");

        e.east.api().patch(PROTECT, "AppVault", "trident-protect", "src-vault",
                "{\"spec\":{\"providerConfig\":{\"s3\":{\"bucketName\":\"src-bucket\"}}}}");
        ObjectNode repaired = e.await(e.east, PROTECT, "Schedule", "every-5m", "status.conditions.0.status",
                "True"::equals, Duration.ofMinutes(10));
        assertEquals(since, repaired.at("/status/enabledSince").asText());
    }

    @Test
    void aScheduleOfAMissingApplicationIsNotReadyNamingTheField() {
        e.protectedApp("every-5m", true);
        e.east.api().delete(PROTECT, "Application", NS, "my-app");
        ObjectNode broken = e.await(e.east, PROTECT, "Schedule", "every-5m", "status.conditions.0.reason",
                "ApplicationNotFound"::equals, Duration.ofMinutes(10));
        assertTrue(broken.at("/status/conditions/0/message").asText().contains("Fix: create it, or set"
                + " spec.applicationRef"), broken.toString());
    }

    /** A daily schedule at 02:00 whose first occurrence is hours away, the snapshots of which keep their archives. */
    private void daily(boolean enabled, String extra) {
        e.vault(e.east, "src-vault", "s3.east.example", "src-bucket", "s3-secret");
        e.app();
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: protect.trident.netapp.io/v1
                kind: Schedule
                metadata: {name: nightly}
                spec:
                  appVaultRef: src-vault
                  applicationRef: my-app
                  backupRetention: "0"
                  snapshotRetention: "3"
                  enabled: %s
                  granularity: Daily
                  hour: "2"
                  minute: "0"
                %s
                """.formatted(enabled, extra));
    }

    private List<JsonNode> snapshots() {
        return e.east.api().list(PROTECT, "Snapshot", NS, LabelSelector.everything()).stream()
                .map(s -> (JsonNode) Resources.toTree(s)).toList();
    }

    @Test
    void withoutRunImmediatelyANewScheduleWaitsForItsFirstOccurrence() {
        daily(true, "");
        e.estate.advance(Duration.ofMinutes(10));
        assertEquals(List.of(), snapshots());
    }

    @Test
    void runImmediatelyTakesASnapshotWhenTheScheduleIsCreatedAndAgainWhenItIsEnabled() {
        daily(true, "  runImmediately: true");
        e.estate.advance(Duration.ofMinutes(10));
        assertEquals(1, snapshots().size(), snapshots().toString());
        assertEquals("Completed", snapshots().get(0).at("/status/state").asText());

        e.east.api().patch(PROTECT, "Schedule", NS, "nightly", "{\"spec\":{\"enabled\":false}}");
        e.estate.advance(Duration.ofMinutes(10));
        assertEquals(1, snapshots().size(), "nothing while disabled");
        e.east.api().patch(PROTECT, "Schedule", NS, "nightly", "{\"spec\":{\"enabled\":true}}");
        e.estate.advance(Duration.ofMinutes(10));
        assertEquals(2, snapshots().size(), "enabling it again snapshots at once: " + snapshots());
        e.estate.advance(Duration.ofMinutes(10));
        assertEquals(2, snapshots().size(), "once per start, not at every reconcile");
    }

    @Test
    void theSchedulesSnapshotReclaimPolicyIsTheOneItsSnapshotsGet() {
        daily(true, "  runImmediately: true\n  snapshotReclaimPolicy: Retain");
        e.estate.advance(Duration.ofMinutes(10));
        assertEquals("Retain", snapshots().get(0).at("/spec/reclaimPolicy").asText());
    }
}
