package io.mirrordrill.engine.estate;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.mirrordrill.engine.estate.ProtectedEstate.NS;
import static io.mirrordrill.engine.estate.ProtectedEstate.PROTECT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Schedule controller on the emulators: a five-minute schedule snapshots the app and keeps the newest two. */
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
