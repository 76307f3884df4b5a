package io.mirrordrill.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How long-running commands (serve, controller) end: --for elapsed, Ctrl-C or SIGTERM (a shutdown hook), or an
 * interrupt of the thread running the command (code embedding it). On a signal the command's own thread closes
 * everything; the hook waits for that (up to a grace period) and, when this JVM is the command line's own, ends it
 * with exit code 0, a clean stop, rather than the JVM's 130/143 for a signal.
 */
final class UntilStopped {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;
    private final Duration grace;
    private volatile boolean closingStarted;

    UntilStopped(String name, Duration grace) {
        this.hook = new Thread(this::fromShutdownHook, name);
        this.grace = grace;
    }

    /** Waits for the end (forever when {@code runFor} is null); returns whether the thread was interrupted. */
    boolean await(Duration runFor) {
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (runFor == null) {
                stop.await();
            } else {
                stop.await(runFor.toNanos(), TimeUnit.NANOSECONDS);
            }
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    /** Ends the wait from inside (the leader lease lost). */
    void stopNow() {
        stop.countDown();
    }

    /** Whether {@link #closing} was called: what stops from then on is the command's own doing. */
    boolean isClosing() {
        return closingStarted;
    }

    /** First thing when closing: a hook not yet running will not run. */
    void closing() {
        closingStarted = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it waits for closed()
        }
    }

    /** Last thing when closing: lets a waiting hook end the JVM; restores an interrupt that ended the wait. */
    void closed(boolean interrupted) {
        stopped.countDown();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void fromShutdownHook() {
        stop.countDown();
        try {
            if (stopped.await(grace.toMillis(), TimeUnit.MILLISECONDS) && Main.ownsProcess()) {
                Runtime.getRuntime().halt(Main.PASSED);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
