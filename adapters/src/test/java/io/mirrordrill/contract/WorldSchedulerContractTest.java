package io.mirrordrill.contract;

import io.mirrordrill.port.Clock;
import io.mirrordrill.port.Scheduler;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The contract against the simulated {@link World}: time passes by advancing the virtual clock, exactly. A failing
 * task's exception leaves {@code advance}/{@code runUntil} at that task's time; this driver records it and goes on,
 * as a drill runner may, which is how later tasks still run here.
 */
class WorldSchedulerContractTest extends SchedulerPortContract {
    private final World world = new World(86);
    private final List<Throwable> failures = new ArrayList<>();

    @Override
    protected Clock clock() {
        return world;
    }

    @Override
    protected Scheduler scheduler() {
        return world;
    }

    @Override
    protected Duration unit() {
        return Duration.ofSeconds(1);
    }

    @Override
    protected Duration lateness() {
        return Duration.ZERO;
    }

    @Override
    protected Duration earliness() {
        return Duration.ZERO;
    }

    @Override
    protected void pass(Duration duration) {
        passUntil(() -> false, duration);
    }

    @Override
    protected boolean passUntil(BooleanSupplier condition, Duration limit) {
        Instant until = world.now().plus(limit);
        while (true) {
            try {
                return world.runUntil(condition, Duration.between(world.now(), until));
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
    }

    @Override
    protected List<Throwable> failures() {
        return failures;
    }

    @Test
    void aFailingTaskLetsItsExceptionOutOfAdvanceAtItsOwnTimeAndLaterTasksWait() {
        Instant start = world.now();
        List<String> ran = new ArrayList<>();
        world.schedule(Duration.ofSeconds(1), "fails", () -> {
            throw new IllegalStateException("bucket unreachable");
        });
        world.schedule(Duration.ofSeconds(2), "after", () -> ran.add("after"));
        assertThrows(IllegalStateException.class, () -> world.advance(Duration.ofSeconds(5)));
        assertEquals(start.plusSeconds(1), world.now());
        assertEquals(List.of(), ran);
        world.advance(Duration.ofSeconds(4));
        assertEquals(List.of("after"), ran);
    }
}
