package io.mirrordrill.scenario.fuzz;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShrinkerTest {
    @Test
    void shrinkingKeepsOnlyTheItemsTheFailureNeedsInTheirOrder() {
        List<Integer> items = IntStream.rangeClosed(1, 40).boxed().toList();
        List<Integer> minimal = Shrinker.shrink(items, l -> l.contains(3) && l.contains(17) && l.contains(31));
        assertEquals(List.of(3, 17, 31), minimal);
    }

    @Test
    void anOrderDependentFailureKeepsItsOrder() {
        List<String> items = List.of("setup", "noise", "degrade", "noise", "bulk", "noise", "failover", "noise");
        List<String> minimal = Shrinker.shrink(items, l -> {
            int d = l.indexOf("degrade");
            int b = l.indexOf("bulk");
            int f = l.indexOf("failover");
            return l.contains("setup") && d >= 0 && d < b && b < f;
        });
        assertEquals(List.of("setup", "degrade", "bulk", "failover"), minimal);
    }

    @Test
    void shrinkingTakesFarFewerRunsThanSubsetsExist() {
        AtomicInteger runs = new AtomicInteger();
        Shrinker.shrink(IntStream.rangeClosed(1, 30).boxed().toList(), l -> {
            runs.incrementAndGet();
            return l.contains(30);
        });
        assertTrue(runs.get() < 100, "runs: " + runs.get());
    }
}
