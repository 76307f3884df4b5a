package io.mirrordrill.cli;

import io.mirrordrill.sim.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clock pump on its real timer thread, with the real clock replaced by a counter the test moves: where simulated
 * time goes is then exact, only when the pump gets there is real time (Awaitility).
 */
class ClockPumpIT {
    private final AtomicLong realNanos = new AtomicLong(1_000_000_000L);
    private final World world = new World(1);
    private ClockPump pump;

    @AfterEach
    void stop() {
        if (pump != null) {
            pump.close();
        }
    }

    private Instant now() {
        world.lock().lock();
        try {
            return world.now();
        } finally {
            world.lock().unlock();
        }
    }

    @Test
    void simulatedTimeFollowsRealTimeTimesTheSpeed() {
        Instant start = world.now();
        pump = ClockPump.start(world, 60, realNanos::get);
        realNanos.addAndGet(Duration.ofMillis(1500).toNanos());
        await().atMost(Duration.ofSeconds(10)).until(() -> now().equals(start.plusSeconds(90)));
        realNanos.addAndGet(Duration.ofSeconds(1).toNanos());
        await().atMost(Duration.ofSeconds(10)).until(() -> now().equals(start.plusSeconds(150)));
        ClockPump.Stats stats = pump.stats();
        assertEquals(60.0, stats.achievedSpeed(), 1e-9);
        assertEquals(0, stats.failures());
    }

    @Test
    void anEventThatThrowsIsRecordedAndTimeGoesOn() {
        List<String> trace = new ArrayList<>();
        world.trace().subscribe(e -> trace.add(e.source() + ": " + e.message()));
        Instant start = world.now();
        world.schedule(Duration.ofSeconds(1), "broken controller", () -> {
            throw new IllegalStateException("reconcile blew up");
        });
        boolean[] later = new boolean[1];
        world.schedule(Duration.ofSeconds(2), "later", () -> later[0] = true);
        pump = ClockPump.start(world, 1, realNanos::get);
        realNanos.addAndGet(Duration.ofSeconds(5).toNanos());
        await().atMost(Duration.ofSeconds(10)).until(() -> now().equals(start.plusSeconds(5)));
        assertTrue(later[0], "the event after the failing one ran");
        assertEquals(1, pump.stats().failures());
        world.lock().lock();
        try {
            assertTrue(trace.stream().anyMatch(t -> t.startsWith("serve: clock pump: event failed: ")
                    && t.contains("reconcile blew up")), trace.toString());
        } finally {
            world.lock().unlock();
        }
    }

    @Test
    void aWorldThatCannotKeepUpHoldsTheLockOneBudgetAtATime() {
        // every event costs 10 ms of (counted) real time: far more than the speed allows
        Instant start = world.now();
        for (int i = 1; i <= 200; i++) {
            world.schedule(Duration.ofMillis(i), "costly " + i, () -> realNanos.addAndGet(10_000_000L));
        }
        pump = ClockPump.start(world, 1000, realNanos::get);
        realNanos.addAndGet(Duration.ofMillis(1).toNanos()); // the target: a simulated second ahead
        await().atMost(Duration.ofSeconds(20)).until(() -> now().isAfter(start.plusMillis(200)));
        ClockPump.Stats stats = pump.stats();
        // a tick stops at the first event that ends past the budget: 3 events of 10 ms for a budget of 25 ms
        assertEquals(Duration.ofMillis(30), stats.slowestTick());
        assertTrue(stats.ticks() >= 200 / 3, "ticks " + stats.ticks());
    }
}
