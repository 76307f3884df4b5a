package io.mirrordrill.engine.snapshot;

import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.objectstore.ObjectStoreException;

/**
 * A port that is down (unreachable, 5xx, a lost response) does not fail a snapshot: the controller retries with
 * backoff, and {@code status.message} says which system answered what, for a person watching.
 */
final class TransientFailure {
    private TransientFailure() {}

    /** A port is down: say so in the status (if the API server can be told) and retry with backoff. */
    static Outcome retry(SnapshotContext context, RuntimeException e) {
        String message = "retrying: " + describe(context.cr(), e);
        try {
            if (!context.progress().terminal() && context.progress().started()) {
                context.write(context.progress().saying(message));
            }
        } catch (RuntimeException alsoDown) {
            // the API server is down too; the controller's event carries the message
        }
        return Outcome.failed(message);
    }

    private static String describe(SnapshotCr cr, RuntimeException e) {
        if (e instanceof ObjectStoreException s) {
            return "bucket " + s.bucket() + " of AppVault " + cr.spec().appVaultRef() + " answered "
                    + (s.httpStatus() == 0 ? "nothing" : s.httpStatus() + " " + s.code()) + ": " + s.getMessage();
        }
        if (e instanceof KubernetesException k) {
            return "the Kubernetes API answered " + k.code() + " " + k.reason() + ": " + k.getMessage();
        }
        return e.getMessage(); // UnreachableException names the endpoint
    }
}
