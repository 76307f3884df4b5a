package io.mirrordrill.engine.estate;

import io.mirrordrill.port.kubernetes.LabelSelector;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.mirrordrill.engine.estate.ProtectedEstate.NS;
import static io.mirrordrill.engine.estate.ProtectedEstate.PROTECT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Schedule controller on the emulators: a five-minute schedule snapshots the app and keeps the newest two. */
class ScheduleOnEmulatorsTest {
    private final ProtectedEstate e = new ProtectedEstate();

    @Test
    void aFiveMinuteScheduleTakesASnapshotEachIntervalAndRetentionKeepsTwo() {
        e.vault(e.east, "src-vault", "s3.east.example", "src-bucket", "s3-secret");
        e.app();
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: protect.trident.netapp.io/v1
                kind: Schedule
                metadata: {name: every-5m}
                spec:
                  appVaultRef: src-vault
                  applicationRef: my-app
                  backupRetention: "0"
                  enabled: true
                  granularity: custom
                  recurrenceRule: |-
                    DTSTART:20220101T000200Z
                    RRULE:FREQ=MINUTELY;INTERVAL=5
                  snapshotRetention: "2"
                """);
        e.estate.advance(Duration.ofMinutes(31));

        long completed = e.east.api().list(PROTECT, "Snapshot", NS, LabelSelector.everything()).stream()
                .filter(s -> "Completed".equals(io.mirrordrill.port.kubernetes.Resources.toTree(s)
                        .at("/status/state").asText())).count();
        assertEquals(2, completed, "snapshotRetention 2 after six occurrences");
    }

    @Test
    void aDisabledScheduleTakesNoSnapshot() {
        e.vault(e.east, "src-vault", "s3.east.example", "src-bucket", "s3-secret");
        e.app();
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: protect.trident.netapp.io/v1
                kind: Schedule
                metadata: {name: off}
                spec: {appVaultRef: src-vault, applicationRef: my-app, backupRetention: "0", enabled: false,
                       granularity: custom, snapshotRetention: "2",
                       recurrenceRule: "DTSTART:20220101T000200Z\\nRRULE:FREQ=MINUTELY;INTERVAL=5"}
                """);
        e.estate.advance(Duration.ofMinutes(31));
        assertEquals(0, e.east.api().list(PROTECT, "Snapshot", NS, LabelSelector.everything()).size());
    }
}
