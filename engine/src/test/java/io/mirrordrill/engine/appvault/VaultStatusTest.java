package io.mirrordrill.engine.appvault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mirrordrill.engine.model.Condition;
import io.mirrordrill.engine.model.ResourceStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VaultStatusTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-01T01:00:00.750Z");

    @Test
    void a_first_check_sets_state_error_and_a_ready_condition_stamped_to_the_second() {
        ResourceStatus s = VaultStatus.next(null, VaultCheck.failed("SecretNotFound", "no secret", false), 3L, T1);
        assertEquals("Error", s.state());
        assertEquals("no secret", s.error());
        assertEquals(List.of(new Condition("Ready", "False", "SecretNotFound", "no secret",
                Instant.parse("2026-01-01T01:00:00Z"), 3L, null)), s.conditions());
    }

    @Test
    void the_transition_time_moves_only_when_the_condition_status_flips() {
        ResourceStatus first = VaultStatus.next(null, VaultCheck.failed("SecretNotFound", "a", false), 1L, T0);
        ResourceStatus sameStatus = VaultStatus.next(first, VaultCheck.failed("BucketNotFound", "b", false), 1L, T1);
        assertEquals(T0, sameStatus.conditions().get(0).lastTransitionTime());
        assertEquals("BucketNotFound", sameStatus.conditions().get(0).reason());
        ResourceStatus flipped = VaultStatus.next(sameStatus, VaultCheck.available("ok"), 1L, T1);
        assertEquals(Instant.parse("2026-01-01T01:00:00Z"), flipped.conditions().get(0).lastTransitionTime());
        assertEquals("Available", flipped.state());
        assertNull(flipped.error());
    }

    @Test
    void an_unchanged_check_gives_an_equal_status_so_nothing_is_written() {
        ResourceStatus first = VaultStatus.next(null, VaultCheck.available("ok"), 2L, T0);
        assertEquals(first, VaultStatus.next(first, VaultCheck.available("ok"), 2L, T1));
    }

    @Test
    void other_conditions_and_unknown_status_fields_are_kept_in_place() {
        Condition other = new Condition("Synced", "True", "X", "y", T0);
        Condition ready = new Condition("Ready", "True", "BucketAvailable", "ok", T0);
        ResourceStatus current = new ResourceStatus("Available", null, List.of(ready, other), Map.of("extra", 1));
        ResourceStatus next = VaultStatus.next(current, VaultCheck.failed("Unreachable", "down", true), 1L, T1);
        assertEquals("Ready", next.conditions().get(0).type());
        assertEquals(other, next.conditions().get(1));
        assertEquals(Map.of("extra", 1), next.unknownFields());
    }
}
