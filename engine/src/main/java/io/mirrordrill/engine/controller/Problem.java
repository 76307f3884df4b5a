package io.mirrordrill.engine.controller;

import io.mirrordrill.engine.archive.ArchiveException;
import io.mirrordrill.engine.restore.RestoreException;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.ontap.OntapException;

import java.util.Optional;

/**
 * An exception of a reconcile as a person reads it: the reason and message of a False {@code Ready} condition, and
 * whether a retry can help. The one place where the engine's and the ports' errors become status.
 */
public record Problem(String reason, String message, boolean permanent) {
    /** The problem an exception stands for; empty for one the runtime does not know (a bug: it propagates). */
    public static Optional<Problem> of(RuntimeException e) {
        if (e instanceof Actionable a) {
            return Optional.of(new Problem(a.reason(), e.getMessage(), a.permanent()));
        }
        if (e instanceof RestoreException) {
            return Optional.of(new Problem("InvalidSpec", e.getMessage(), true));
        }
        if (e instanceof UnreachableException) {
            return Optional.of(new Problem("Unreachable", e.getMessage(), false));
        }
        if (e instanceof ObjectStoreException) {
            return Optional.of(new Problem("AppVaultError", "AppVault request failed: " + e.getMessage(), false));
        }
        if (e instanceof ArchiveException) {
            return Optional.of(new Problem("ArchiveError", e.getMessage(), false));
        }
        if (e instanceof OntapException o) {
            return Optional.of(new Problem("OntapError", "ONTAP refused a request: " + e.getMessage() + " (code "
                    + o.code() + ")", false));
        }
        return Optional.empty();
    }

    public Ready ready() {
        return Ready.isFalse(reason, message);
    }
}
