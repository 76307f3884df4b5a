package io.mirrordrill.contract;

import io.mirrordrill.port.Clock;
import io.mirrordrill.port.Scheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one contract of the {@link Clock} and {@link Scheduler} ports: the simulated {@code World} (virtual time) and
 * the real-time adapter (system clock, scheduled executor) run these tests. Delays are counted in {@link #unit()}s
 * and time passes only through {@link #pass} and {@link #passUntil}, so the simulation never sleeps and the real
 * side waits no longer than it must. Tasks may run on another thread, hence the concurrent lists.
 */
public abstract class SchedulerPortContract {
    protected abstract Clock clock();

    protected abstract Scheduler scheduler();

    /** The delay unit: long enough that a busy machine keeps real tasks one unit apart in time. */
    protected abstract Duration unit();

    /** How late the clock may read when a task runs, past its due time (zero in simulation). */
    protected abstract Duration lateness();

    /** How early: the clock's and the timer's granularity (zero in simulation). */
    protected abstract Duration earliness();

    /** Lets {@code duration} pass. */
    protected abstract void pass(Duration duration);

    /** Lets time pass until {@code condition} holds, at most {@code limit}; returns whether it holds. */
    protected abstract boolean passUntil(BooleanSupplier condition, Duration limit);

    /** What failing tasks threw, in order, as the side's driver or failure handler received it. */
    protected abstract List<Throwable> failures();

    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final List<Instant> ranAt = new CopyOnWriteArrayList<>();

    private Duration units(long n) {
        return unit().multipliedBy(n);
    }

    private Runnable record(String name) {
        return () -> {
            ranAt.add(clock().now());
            ran.add(name);
        };
    }

    private void passUntilRan(int tasks) {
        assertTrue(passUntil(() -> ran.size() >= tasks, units(20)), "only " + ran + " ran");
    }

    private void assertWithin(Instant expected, Instant actual) {
        assertFalse(actual.isBefore(expected.minus(earliness())), actual + " is before " + expected);
        assertFalse(actual.isAfter(expected.plus(lateness())), actual + " is too long after " + expected);
    }

    @Test
    void theClockMovesOnAsTimePasses() {
        Instant start = clock().now();
        pass(units(2));
        assertWithin(start.plus(units(2)), clock().now());
    }

    @Test
    void aTaskRunsOnceItsDelayHasPassedAndNotBefore() {
        Instant start = clock().now();
        scheduler().schedule(units(3), "late", record("late"));
        passUntilRan(1);
        assertWithin(start.plus(units(3)), ranAt.get(0));
        pass(units(3));
        assertEquals(List.of("late"), ran, "a task runs once");
    }

    @Test
    void tasksRunInDeadlineOrderAndTiesInSubmissionOrder() {
        scheduler().schedule(units(3), "c", record("c"));
        scheduler().schedule(units(1), "a", record("a"));
        scheduler().schedule(units(2), "b1", record("b1"));
        scheduler().schedule(units(2), "b2", record("b2"));
        scheduler().runSoon("soon", record("soon"));
        passUntilRan(5);
        assertEquals(List.of("soon", "a", "b1", "b2", "c"), ran);
    }

    @Test
    void aTaskCancelledBeforeItIsDueNeverRunsAndSaysItIsCancelled() {
        Scheduler.Cancellable called = scheduler().schedule(units(1), "called off", record("called off"));
        scheduler().schedule(units(2), "marker", record("marker"));
        called.cancel();
        assertTrue(called.isCancelled());
        passUntilRan(1);
        called.cancel();  // again: a no-op
        assertTrue(called.isCancelled());
        assertEquals(List.of("marker"), ran);
    }

    @Test
    void cancellingATaskThatAlreadyRanIsANoOp() {
        Scheduler.Cancellable done = scheduler().runSoon("done", record("done"));
        passUntilRan(1);
        done.cancel();
        assertFalse(done.isCancelled(), "the interface: cancel is a no-op when the task already ran");
    }

    @Test
    void aTaskCanCallOffALaterOne() {
        Scheduler.Cancellable later = scheduler().schedule(units(2), "later", record("later"));
        scheduler().schedule(units(1), "canceller", () -> {
            later.cancel();
            record("canceller").run();
        });
        scheduler().schedule(units(3), "marker", record("marker"));
        passUntilRan(2);
        assertEquals(List.of("canceller", "marker"), ran);
        assertTrue(later.isCancelled());
    }

    @Test
    void runSoonRunsWithoutTheClockMovingFurtherThanNeeded() {
        Instant start = clock().now();
        scheduler().runSoon("soon", record("soon"));
        passUntilRan(1);
        assertWithin(start, ranAt.get(0));
        assertWithin(start, clock().now());
    }

    @Test
    void aTaskSchedulesMoreTasksThatRunAfterItFinishes() {
        Instant start = clock().now();
        scheduler().schedule(units(1), "parent", () -> {
            record("parent").run();
            scheduler().schedule(units(1), "child", record("child"));
            scheduler().runSoon("soon child", record("soon child"));
            ran.add("parent done");  // a runSoon from a task never runs inside it
        });
        passUntilRan(4);
        assertEquals(List.of("parent", "parent done", "soon child", "child"), ran);
        assertWithin(start.plus(units(2)), ranAt.get(2));
        assertFalse(ranAt.get(2).isBefore(ranAt.get(0).plus(units(1)).minus(earliness())));
    }

    @Test
    void anExceptionInOneTaskDoesNotStopTheLaterOnes() {
        scheduler().schedule(units(1), "fails", () -> {
            throw new IllegalStateException("bucket unreachable");
        });
        scheduler().schedule(units(2), "after", record("after"));
        scheduler().schedule(units(2), "same time", record("same time"));
        passUntilRan(2);
        assertEquals(List.of("after", "same time"), ran);
        assertEquals(1, failures().size(), "failures: " + failures());
        assertEquals("bucket unreachable", failures().get(0).getMessage());
    }

    @Test
    void aNegativeDelayIsRefusedAndSchedulesNothing() {
        assertThrows(RuntimeException.class, () -> scheduler().schedule(Duration.ofMillis(-1), "past",
                record("past")));
        scheduler().schedule(units(1), "marker", record("marker"));
        passUntilRan(1);
        assertEquals(List.of("marker"), ran);
    }
}
