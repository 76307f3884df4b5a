package io.mirrordrill.engine.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeoutAnnotationTest {
    private static Optional<Duration> of(TimeoutAnnotation t, String value) {
        return t.in(Map.of(t.key(), value));
    }

    @Test
    void theTimeoutsAreGoDurationsAndTheSecOneWholeSeconds() {
        assertEquals(Optional.of(Duration.ofMinutes(90)), of(TimeoutAnnotation.SNAPSHOT_COMPLETION, "1h30m"));
        assertEquals(Optional.of(Duration.ofSeconds(45)), of(TimeoutAnnotation.VOLUME_SNAPSHOTS_CREATED, "45s"));
        assertEquals(Optional.of(Duration.ofMillis(1500)),
                of(TimeoutAnnotation.VOLUME_SNAPSHOTS_READY_TO_USE, "1s500ms"));
        assertEquals(Optional.of(Duration.ofSeconds(600)), of(TimeoutAnnotation.PVC_BIND, "600"));
    }

    @Test
    void withoutTheAnnotationTheDefaultsApplyAndTheCompletionHasNoLimit() {
        assertEquals(Optional.empty(), TimeoutAnnotation.SNAPSHOT_COMPLETION.in(Map.of()));
        assertEquals(Optional.of(Duration.ofMinutes(10)), TimeoutAnnotation.VOLUME_SNAPSHOTS_CREATED.in(null));
        assertEquals(Optional.of(Duration.ofMinutes(10)), TimeoutAnnotation.VOLUME_SNAPSHOTS_READY_TO_USE.in(Map.of()));
        assertEquals(Optional.of(Duration.ofMinutes(10)), TimeoutAnnotation.PVC_BIND.in(Map.of()));
    }

    @Test
    void anUnreadableValueNamesTheAnnotationAndTheFormat() {
        IllegalArgumentException seconds = assertThrows(IllegalArgumentException.class,
                () -> of(TimeoutAnnotation.PVC_BIND, "10m"));
        assertTrue(seconds.getMessage().contains("protect.trident.netapp.io/pvc-bind-timeout-sec")
                && seconds.getMessage().contains("whole number of seconds"), seconds.getMessage());
        for (String bad : new String[] {"30", "m", "1h 30m", "-5m", "0s", "1d"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> of(TimeoutAnnotation.SNAPSHOT_COMPLETION, bad), bad);
            assertTrue(e.getMessage().contains("snapshot-completion-timeout") && e.getMessage().contains("30m"),
                    e.getMessage());
        }
    }

    @Test
    void aTimeoutIsShownInItsAnnotationsFormat() {
        assertEquals("1h30m", TimeoutAnnotation.SNAPSHOT_COMPLETION.format(Duration.ofMinutes(90)));
        assertEquals("600s", TimeoutAnnotation.PVC_BIND.format(Duration.ofMinutes(10)));
    }
}
