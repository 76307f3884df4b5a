package io.mirrordrill.port;

import java.time.Duration;

/**
 * Runs a task after a delay. In simulation the delay is virtual and tasks run one at a time on the simulation thread;
 * in real-time modes a scheduled executor runs them.
 */
public interface Scheduler {
    /**
     * Runs {@code task} once, {@code delay} from now.
     *
     * @param what a short description for traces and diagnostics, e.g. {@code "snapmirror update rel-1"}
     */
    Cancellable schedule(Duration delay, String what, Runnable task);

    /** A scheduled task that can still be called off. */
    interface Cancellable {
        /** Calls the task off; a no-op when it already ran or was cancelled. */
        void cancel();

        boolean isCancelled();
    }

    /** Convenience for callers that schedule "as soon as possible". */
    default Cancellable runSoon(String what, Runnable task) {
        return schedule(Duration.ZERO, what, task);
    }
}
