package io.mirrordrill.engine.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mirrordrill.engine.model.Condition;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadyConditionTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.700Z");

    @Test
    void theTransitionTimeMovesOnlyWhenTheStatusFlipsAndOtherConditionsStay() {
        Condition other = new Condition("Progressing", "True", "x", "y", T0);
        List<Condition> first = ReadyCondition.set(List.of(other), true, "A", "a", 1L, T0);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), ReadyCondition.readySince(first).orElseThrow());
        List<Condition> again = ReadyCondition.set(first, true, "B", "b", 2L, T0.plusSeconds(60));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), ReadyCondition.readySince(again).orElseThrow());
        assertEquals("B", ReadyCondition.of(again).orElseThrow().reason());
        List<Condition> down = ReadyCondition.set(again, false, "C", "c", 3L, T0.plusSeconds(120));
        assertEquals(Optional.empty(), ReadyCondition.readySince(down));
        assertEquals(Instant.parse("2026-01-01T00:02:00Z"), ReadyCondition.of(down).orElseThrow()
                .lastTransitionTime());
        assertEquals(other, down.get(0));
    }
}
