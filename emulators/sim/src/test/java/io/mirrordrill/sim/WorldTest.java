package io.mirrordrill.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldTest {

    @Test
    void eventsRunInTimeOrderThenInTheOrderTheyWereScheduled() {
        World world = new World(1);
        List<String> ran = new ArrayList<>();
        world.schedule(Duration.ofSeconds(2), "b", () -> ran.add("b"));
        world.schedule(Duration.ofSeconds(1), "a", () -> ran.add("a"));
        world.schedule(Duration.ofSeconds(2), "c", () -> ran.add("c"));
        world.schedule(Duration.ofSeconds(1), "a2", () -> ran.add("a2"));
        world.advance(Duration.ofSeconds(5));
        assertEquals(List.of("a", "a2", "b", "c"), ran);
    }

    @Test
    void advanceMovesTheClockExactlyAndRunsOnlyDueEvents() {
        World world = new World(1, Instant.parse("2030-05-01T10:00:00Z"));
        List<Instant> seen = new ArrayList<>();
        world.schedule(Duration.ofMinutes(5), "later", () -> seen.add(world.now()));
        world.advance(Duration.ofMinutes(4));
        assertEquals(Instant.parse("2030-05-01T10:04:00Z"), world.now());
        assertTrue(seen.isEmpty());
        world.advance(Duration.ofMinutes(1));
        assertEquals(List.of(Instant.parse("2030-05-01T10:05:00Z")), seen);
    }

    @Test
    void eventsScheduledByEventsRunInTheSameAdvance() {
        World world = new World(1);
        List<Instant> ticks = new ArrayList<>();
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            ticks.add(world.now());
            world.schedule(Duration.ofSeconds(10), "tick", tick[0]);
        };
        world.schedule(Duration.ZERO, "tick", tick[0]);
        world.advance(Duration.ofSeconds(35));
        assertEquals(4, ticks.size());
        assertEquals(World.DEFAULT_START.plusSeconds(30), ticks.get(3));
    }

    @Test
    void cancelledTimersNeverRun() {
        World world = new World(1);
        boolean[] ran = {false};
        World.Timer timer = world.schedule(Duration.ofSeconds(1), "x", () -> ran[0] = true);
        timer.cancel();
        world.advance(Duration.ofSeconds(2));
        assertFalse(ran[0]);
        assertTrue(timer.isCancelled());
        assertEquals(0, world.pendingEvents());
    }

    @Test
    void runUntilStopsAsSoonAsTheConditionHolds() {
        World world = new World(1);
        int[] count = {0};
        for (int i = 1; i <= 10; i++) {
            world.schedule(Duration.ofSeconds(i), "inc", () -> count[0]++);
        }
        assertTrue(world.runUntil(() -> count[0] == 3, Duration.ofMinutes(1)));
        assertEquals(World.DEFAULT_START.plusSeconds(3), world.now());
    }

    @Test
    void runUntilGivesUpAtTheLimitWithTheClockAtTheLimit() {
        World world = new World(1);
        assertFalse(world.runUntil(() -> false, Duration.ofHours(1)));
        assertEquals(World.DEFAULT_START.plus(Duration.ofHours(1)), world.now());
    }

    @Test
    void schedulingInThePastIsRefused() {
        World world = new World(1);
        world.advance(Duration.ofSeconds(10));
        assertThrows(SimulationException.class, () -> world.scheduleAt(World.DEFAULT_START, "past", () -> { }));
        assertThrows(SimulationException.class, () -> world.advance(Duration.ofSeconds(-1)));
    }

    @Test
    void theTraceHashDependsOnWhatHappenedAndWhen() {
        World a = new World(7);
        World b = new World(7);
        World c = new World(7);
        a.schedule(Duration.ofSeconds(1), "x", () -> a.record("test", "hello"));
        b.schedule(Duration.ofSeconds(1), "x", () -> b.record("test", "hello"));
        c.schedule(Duration.ofSeconds(2), "x", () -> c.record("test", "hello"));
        for (World w : List.of(a, b, c)) {
            w.advance(Duration.ofSeconds(3));
        }
        assertEquals(a.trace().hash(), b.trace().hash());
        assertNotEquals(a.trace().hash(), c.trace().hash());
        assertNotEquals(new World(7).trace().hash(), new World(8).trace().hash());
    }

    @Test
    void injectedFaultsStrikeAtTheirTimeAndAreTraced() {
        World world = new World(1);
        world.network().site("A").site("B").link("A", "B", Duration.ofMillis(5), 1_000_000);
        List<String> lines = new ArrayList<>();
        world.trace().subscribe(e -> lines.add(e.line()));
        world.inject(Duration.ofMinutes(1), new Fault.Partition("A", "B"));
        world.inject(Duration.ofMinutes(2), new Fault.Heal("A", "B"));
        world.advance(Duration.ofSeconds(90));
        assertFalse(world.network().reachable("A", "B"));
        world.advance(Duration.ofSeconds(60));
        assertTrue(world.network().reachable("A", "B"));
        assertTrue(lines.contains("2026-01-01T00:01:00Z fault link A<->B partitioned"), lines.toString());
    }
}
