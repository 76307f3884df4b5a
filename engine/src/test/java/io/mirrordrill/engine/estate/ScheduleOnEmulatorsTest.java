package io.mirrordrill.engine.estate;

import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
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
}
