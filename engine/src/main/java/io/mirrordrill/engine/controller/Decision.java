package io.mirrordrill.engine.controller;

import io.mirrordrill.runtime.Outcome;

import java.time.Duration;

/**
 * What one reconcile decided (java-operator-sdk's {@code UpdateControl}): the status it wants (null keeps the one
 * there), the {@link Ready} condition (null leaves it), and when to look again. The runtime writes the status in one
 * patch; a reconciler never writes it itself.
 *
 * @param <T> the kind's status type
 */
public record Decision<T>(T status, Ready ready, Outcome outcome) {
    public static <T> Decision<T> done(T status, Ready ready) {
        return new Decision<>(status, ready, Outcome.done());
    }

    /** Nothing to write, nothing to wait for. */
    public static <T> Decision<T> done() {
        return new Decision<>(null, null, Outcome.done());
    }

    public static <T> Decision<T> requeue(T status, Ready ready, Duration after) {
        return new Decision<>(status, ready, Outcome.requeueAfter(after));
    }

    /** Nothing to write; look again after the delay. */
    public static <T> Decision<T> after(Duration delay) {
        return new Decision<>(null, null, Outcome.requeueAfter(delay));
    }

    /** The attempt failed; the runtime retries with backoff. */
    public static <T> Decision<T> retry(T status, Ready ready, String reason) {
        return new Decision<>(status, ready, Outcome.failed(reason));
    }
}
