package io.mirrordrill.engine.controller;

import io.mirrordrill.engine.InputException;
import io.mirrordrill.engine.application.ApplicationException;
import io.mirrordrill.engine.appvault.AppVaultException;
import io.mirrordrill.engine.archive.ArchiveException;
import io.mirrordrill.engine.model.schedule.RecurrenceException;
import io.mirrordrill.engine.model.validation.InvalidResourceException;
import io.mirrordrill.engine.restore.PatchException;
import io.mirrordrill.engine.restore.RestoreException;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.ontap.OntapException;

import java.util.Optional;

/**
 * An exception of a reconcile as a person reads it: the reason and message of a False {@code Ready} condition, and
 * whether a retry can help. The one place where the engine's and the ports' errors become status: every
 * {@link MirrordrillException} maps to a problem (bad input is permanent, a port's error is retried), so no
 * reconcile ends with its resource showing a status that no longer holds; only a bug (another exception) propagates.
 */
public record Problem(String reason, String message, boolean permanent) {
    /** The problem an exception stands for; empty for one the runtime does not know (a bug: it propagates). */
    public static Optional<Problem> of(RuntimeException e) {
        if (e instanceof Actionable a) {
            return Optional.of(new Problem(a.reason(), e.getMessage(), a.permanent()));
        }
        if (e instanceof InputException || e instanceof InvalidResourceException || e instanceof PatchException) {
            return Optional.of(new Problem("InvalidSpec", e.getMessage(), true));
        }
        if (e instanceof RecurrenceException) {
            return Optional.of(new Problem("InvalidRecurrence", e.getMessage(), true));
        }
        if (e instanceof AppVaultException v) {
            return Optional.of(new Problem(v.reason(), "AppVault: " + e.getMessage(), true));
        }
        if (e instanceof ApplicationException a) {
            return Optional.of(new Problem(a.reason(), e.getMessage(), true));
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
        if (e instanceof KubernetesException k) {
            return Optional.of(new Problem("KubernetesError", "the Kubernetes API answered " + k.code() + " "
                    + k.reason() + ": " + e.getMessage() + ". Fix: check the API server and the engine's RBAC;"
                    + " it is retried", false));
        }
        if (e instanceof MirrordrillException) {
            return Optional.of(new Problem("Error", e.getMessage() + ". Fix: see the message; it is retried",
                    false));
        }
        return Optional.empty();
    }

    public Ready ready() {
        return Ready.isFalse(reason, message);
    }
}
