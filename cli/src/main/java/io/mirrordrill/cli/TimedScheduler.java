package io.mirrordrill.cli;

import io.mirrordrill.port.Scheduler;

import java.time.Duration;

/**
 * A scheduler that notes when each task began on its thread, so a listener called from inside a task (the engine's
 * reconcile events are, at the end of the reconcile) can tell how long the task has run: the reconcile's duration,
 * measured without touching the engine.
 */
record TimedScheduler(Scheduler delegate) implements Scheduler {
    private static final ThreadLocal<Long> STARTED = new ThreadLocal<>();

    @Override
    public Cancellable schedule(Duration delay, String what, Runnable task) {
        return delegate.schedule(delay, what, () -> {
            STARTED.set(System.nanoTime());
            try {
                task.run();
            } finally {
                STARTED.remove();
            }
        });
    }

    /** How long the current thread's task has run; zero outside a task. */
    static Duration elapsed() {
        Long started = STARTED.get();
        return started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
    }
}
