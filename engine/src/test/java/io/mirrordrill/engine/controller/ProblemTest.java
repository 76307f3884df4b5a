package io.mirrordrill.engine.controller;

import io.mirrordrill.engine.appvault.AppVaultException;
import io.mirrordrill.engine.archive.ArchivePathException;
import io.mirrordrill.engine.model.schedule.RecurrenceException;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.ontap.OntapException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error of the project becomes a status a person can act on; bad input is permanent, a port's is retried. */
class ProblemTest {
    private static Problem of(RuntimeException e) {
        return Problem.of(e).orElseThrow(() -> new AssertionError("no problem for " + e));
    }

    @Test
    void badInputSuchAsAnArchivePathIsAPermanentInvalidSpecWithItsFix() {
        Problem p = of(new ArchivePathException("spec.promotedSnapshot", "\"..\" is not an archive basename",
                "use the last segment of the snapshot's status.appArchivePath"));
        assertEquals("InvalidSpec", p.reason());
        assertTrue(p.permanent());
        assertTrue(p.message().startsWith("spec.promotedSnapshot") && p.message().contains("Fix: "), p.message());
    }

    @Test
    void anAppVaultOrRecurrenceProblemIsPermanentUnderItsOwnReason() {
        Problem vault = of(new AppVaultException("SecretNotFound", "Secret s not found", "create it"));
        assertEquals("SecretNotFound", vault.reason());
        assertTrue(vault.permanent());
        Problem rule = of(new RecurrenceException("COUNT is not supported", "remove COUNT"));
        assertEquals("InvalidRecurrence", rule.reason());
        assertTrue(rule.permanent());
    }

    @Test
    void aPortsErrorIsRetried() {
        assertFalse(of(new UnreachableException("ontap-east", "site down")).permanent());
        assertFalse(of(new OntapException(409, "13303812", "transfer running")).permanent());
        assertFalse(of(new ObjectStoreException(503, "SlowDown", "slow down", "b", null)).permanent());
        Problem kube = of(new KubernetesException(403, "Forbidden", "no", "PersistentVolumeClaim", "ns", "data"));
        assertEquals("KubernetesError", kube.reason());
        assertFalse(kube.permanent());
    }

    @Test
    void anyOtherProjectErrorIsShownAndRetriedWhileABugPropagates() {
        Problem other = of(new MirrordrillException("something refused"));
        assertEquals("Error", other.reason());
        assertFalse(other.permanent());
        assertTrue(other.message().contains("something refused"), other.message());
        assertEquals(Optional.empty(), Problem.of(new IllegalStateException("a bug")));
    }
}
