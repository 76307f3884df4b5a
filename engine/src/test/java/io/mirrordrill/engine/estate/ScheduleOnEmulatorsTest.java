package io.mirrordrill.engine.estate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.Test;

import java.time.Duration;

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
}
