package io.mirrordrill.contract;

import io.mirrordrill.adapter.time.ExecutorScheduler;
import io.mirrordrill.adapter.time.SystemClock;
import io.mirrordrill.port.Clock;
import io.mirrordrill.port.Scheduler;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract against the real-time adapter: the system clock and a scheduled executor, waited on with Awaitility.
 * A 100 ms unit keeps deadlines apart on a busy 2-core machine; lateness is generous for the same reason, and
 * earliness covers the wall clock reading slightly behind the executor's monotonic timer.
 */
class ExecutorSchedulerContractTest extends SchedulerPortContract {
    private static final Duration SLACK = Duration.ofSeconds(5);

    private final SystemClock clock = new SystemClock();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<String> failedTasks = new CopyOnWriteArrayList<>();
    private final ExecutorScheduler scheduler = new ExecutorScheduler("contract", (what, e) -> {
        failedTasks.add(what);
        failures.add(e);
    });

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected Scheduler scheduler() {
        return scheduler;
    }

    @Override
    protected Duration unit() {
        return Duration.ofMillis(100);
    }

    @Override
    protected Duration lateness() {
        return Duration.ofSeconds(2);
    }

    @Override
    protected Duration earliness() {
        return Duration.ofMillis(2);
    }

    @Override
    protected void pass(Duration duration) {
        await().pollDelay(duration).atMost(duration.plus(SLACK)).until(() -> true);
    }

    @Override
    protected boolean passUntil(BooleanSupplier condition, Duration limit) {
        try {
            await().pollInterval(Duration.ofMillis(5)).atMost(limit.plus(SLACK)).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    @Override
    protected List<Throwable> failures() {
        return failures;
    }

    @Test
    void theFailureHandlerLearnsWhichTaskFailed() {
        scheduler.runSoon("snapmirror update rel-1", () -> {
            throw new IllegalStateException("transfer failed");
        });
        assertTrue(passUntil(() -> !failedTasks.isEmpty(), Duration.ofSeconds(1)));
        assertEquals(List.of("snapmirror update rel-1"), failedTasks);
    }

    @Test
    void tasksRunOnOneNamedDaemonThread() {
        AtomicReference<Thread> first = new AtomicReference<>();
        AtomicReference<Thread> second = new AtomicReference<>();
        scheduler.runSoon("first", () -> first.set(Thread.currentThread()));
        scheduler.schedule(Duration.ofMillis(10), "second", () -> second.set(Thread.currentThread()));
        assertTrue(passUntil(() -> second.get() != null, Duration.ofSeconds(1)));
        assertEquals(first.get(), second.get());
        assertEquals("mirrordrill-contract", first.get().getName());
        assertTrue(first.get().isDaemon());
    }

    @Test
    void closingDropsTasksNotYetDueAndRefusesNewOnes() {
        List<String> ran = new CopyOnWriteArrayList<>();
        scheduler.schedule(Duration.ofMillis(100), "pending", () -> ran.add("pending"));
        scheduler.close();
        assertThrows(IllegalStateException.class, () -> scheduler.runSoon("late", () -> ran.add("late")));
        pass(Duration.ofMillis(300));
        assertEquals(List.of(), ran);
    }
}
