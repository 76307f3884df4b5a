package io.mirrordrill.adapter.time;

import io.mirrordrill.port.Scheduler;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The {@link Scheduler} port on a scheduled executor, for the real-time modes. One daemon thread runs every task, so
 * tasks run one at a time, as on the simulation thread, in deadline order with ties in submission order (the
 * executor breaks equal trigger times by its submission sequence). A task that throws is handed to the failure
 * handler with its description and the thread goes on with the next task; the simulated {@code World} instead lets
 * the exception out of {@code advance}, to its driver. Cancelled tasks leave the queue at once, so requeues that a
 * controller keeps cancelling do not pile up.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ExecutorScheduler.class.getName());
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final ScheduledThreadPoolExecutor executor;
    private final BiConsumer<String, Throwable> onFailure;

    /** A scheduler whose thread is named {@code mirrordrill-<name>}; failing tasks are logged at ERROR. */
    public ExecutorScheduler(String name) {
        this(name, (what, e) -> LOG.log(System.Logger.Level.ERROR, "scheduled task '" + what + "' failed", e));
    }

    /** The same, handing a failing task's description and exception to {@code onFailure} (which must not throw). */
    public ExecutorScheduler(String name, BiConsumer<String, Throwable> onFailure) {
        this.onFailure = onFailure;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mirrordrill-" + name);
            t.setDaemon(true);  // a forgotten close() must not keep the JVM alive
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        // close() means stop: delayed tasks are dropped rather than run on a shutting-down engine
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    @Override
    public Cancellable schedule(Duration delay, String what, Runnable task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("cannot schedule '" + what + "' in the past (delay " + delay + ")");
        }
        try {
            return new Handle(executor.schedule(() -> run(what, task), nanos(delay), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("cannot schedule '" + what + "': the scheduler is closed", e);
        }
    }

    private void run(String what, Runnable task) {
        try {
            task.run();
        } catch (Throwable e) {
            // the executor would keep it in a future nobody reads; the handler is the only one who can see it
            onFailure.accept(what, e);
        }
    }

    /** Durations past ~292 years saturate rather than overflow. */
    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Drops the tasks not yet due and waits (up to 10 s) for a running one to finish; later schedules throw. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The executor's future. Cancelling a task that already ran is a no-op (it stays not cancelled); cancelling one
     * that is running marks it cancelled and lets it finish.
     */
    private record Handle(ScheduledFuture<?> future) implements Cancellable {
        @Override
        public void cancel() {
            // not interrupting: a running task finishes its step, as in simulation where nothing preempts it
            future.cancel(false);
        }

        @Override
        public boolean isCancelled() {
            return future.isCancelled();
        }
    }
}
