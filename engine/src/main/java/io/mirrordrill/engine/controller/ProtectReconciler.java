package io.mirrordrill.engine.controller;

import io.mirrordrill.engine.model.Conditioned;
import io.mirrordrill.engine.model.ProtectResource;

import java.time.Duration;

/**
 * The decisions of one protect kind's controller; {@link ProtectController} does the plumbing around them (reading
 * and binding the resource, the finalizer, routing deletion to {@link #cleanup}, the status write, mapping an
 * exception to a status). A reconciler reads through the ports and acts on storage and other resources, but never
 * writes its own resource's status or finalizers.
 *
 * @param <R> the kind
 * @param <T> its status
 */
public interface ProtectReconciler<R extends ProtectResource<?, T>, T extends Conditioned<T>> {
    /** How long a permanent problem waits before it is looked at again (a missing object may be created). */
    Duration RECHECK = Duration.ofMinutes(5);

    String kind();

    /** The status before the first write: what the {@code Ready} condition is written into. */
    T emptyStatus();

    /**
     * The finalizer the runtime adds to every resource of the kind before its first reconcile and removes once
     * {@link #cleanup} is done; null: the kind holds none.
     */
    default String finalizer() {
        return null;
    }

    /** The state a resource shows when its spec does not bind (with the binding's message as its error). */
    default String failedState() {
        return "Failed";
    }

    /** The next step towards the desired state; an exception is a {@link Problem} for {@link #failed}. */
    Decision<T> reconcile(R resource);

    /** One step of releasing what the resource holds, while it is deleted; done lets the finalizer go. */
    default Decision<T> cleanup(R resource) {
        return Decision.done();
    }

    /**
     * A problem of {@link #reconcile} as a status: by default a False {@code Ready} condition naming it, retried with
     * backoff, or looked at again after {@link #RECHECK} when a retry cannot help.
     */
    default Decision<T> failed(R resource, Problem problem) {
        return problem.permanent() ? Decision.requeue(null, problem.ready(), RECHECK)
                : Decision.retry(null, problem.ready(), problem.message());
    }
}
