package io.mirrordrill.runtime;

/**
 * Level-triggered reconciliation of one resource: read the current state through the ports, take the next step
 * towards the desired state, report the outcome. It must be idempotent: a crash after any step followed by a new
 * reconcile must end in the same place.
 */
@FunctionalInterface
public interface Reconciler {
    Outcome reconcile(ResourceKey key);
}
