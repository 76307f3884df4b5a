package io.mirrordrill.engine.controller;

/**
 * The {@code Ready} condition a reconcile decided: True or False, a CamelCase reason and a message a person can act
 * on. The runtime writes it with {@code observedGeneration} and a {@code lastTransitionTime} that moves when the
 * status flips, or when {@code restart} says a lifecycle row was taken ("since when is it like this").
 */
public record Ready(boolean ready, String reason, String message, boolean restart) {
    public static Ready isTrue(String reason, String message) {
        return new Ready(true, reason, message, false);
    }

    public static Ready isFalse(String reason, String message) {
        return new Ready(false, reason, message, false);
    }

    /** The same condition, its time restarted: the resource entered a new state. */
    public Ready restarted() {
        return new Ready(ready, reason, message, true);
    }
}
