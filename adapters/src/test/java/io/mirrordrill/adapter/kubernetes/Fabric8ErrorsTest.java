package io.mirrordrill.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mirrordrill.adapter.kubernetes.Fabric8Errors.Op;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.AlreadyExistsException;
import io.mirrordrill.port.kubernetes.ConflictException;
import io.mirrordrill.port.kubernetes.ExpiredException;
import io.mirrordrill.port.kubernetes.InvalidException;
import io.mirrordrill.port.kubernetes.KindRegistry;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.port.kubernetes.ResourceKind;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class Fabric8ErrorsTest {
    private static final ResourceKind CONFIG_MAP = new ResourceKind("", "v1", "ConfigMap", "configmaps", true, false);

    @Test
    void a409OnCreateIsAlreadyExistsAndOnAWriteIsConflictWithTheServersMessage() {
        assertInstanceOf(AlreadyExistsException.class, translate(failure(409, "AlreadyExists", "exists"), Op.CREATE));
        MirrordrillException conflict = translate(failure(409, "Conflict", "Operation cannot be fulfilled"), Op.WRITE);
        assertInstanceOf(ConflictException.class, conflict);
        assertEquals("Operation cannot be fulfilled", conflict.getMessage());
    }

    @Test
    void anEmpty404GetsTheApiServersWording() {
        NotFoundException e = (NotFoundException) translate(new KubernetesClientException("gone", 404, null), Op.READ);
        assertEquals("configmaps \"cfg\" not found", e.getMessage());
        assertEquals("app", e.namespace());
        assertEquals("cfg", e.name());
    }

    @Test
    void codesMapToTheirTypedExceptions() {
        assertInstanceOf(InvalidException.class, translate(failure(422, "Invalid", "bad"), Op.CREATE));
        assertInstanceOf(ExpiredException.class, translate(failure(410, "Expired", "too old"), Op.WATCH));
        KubernetesException forbidden = (KubernetesException) translate(failure(403, "Forbidden", "no"), Op.CREATE);
        assertEquals(403, forbidden.code());
        assertEquals("Forbidden", forbidden.reason());
    }

    @Test
    void anErrorWhoseDetailsNameAnotherObjectIsReportedForThatObject() {
        KubernetesClientException e = new KubernetesClientException("namespaces \"nowhere\" not found", 404,
                new StatusBuilder().withCode(404).withReason("NotFound").withMessage("namespaces \"nowhere\" not found")
                        .withNewDetails().withKind("namespaces").withName("nowhere").endDetails().build());
        NotFoundException n = (NotFoundException) Fabric8Errors.translate(e, "https://k8s.example:6443/", Op.CREATE,
                CONFIG_MAP, "app", "cfg", KindRegistry.withBuiltins());
        assertEquals("Namespace", n.kind());
        assertNull(n.namespace());
        assertEquals("nowhere", n.name());
        assertEquals("namespaces \"nowhere\" not found", n.getMessage());
    }

    @Test
    void aConnectionFailureIsUnreachable() {
        KubernetesClientException e = new KubernetesClientException("An error has occurred.",
                new ConnectException("Connection refused"));
        UnreachableException u = (UnreachableException) translate(e, Op.READ);
        assertEquals("https://k8s.example:6443/", u.endpoint());
        assertEquals("connection refused", Fabric8Errors.describe(new java.io.IOException(new ConnectException())));
        assertEquals("timed out", Fabric8Errors.describe(new java.io.IOException(new java.io.IOException("timed out"))));
    }

    private static KubernetesClientException failure(int code, String reason, String message) {
        return new KubernetesClientException(message, code,
                new StatusBuilder().withCode(code).withReason(reason).withMessage(message).build());
    }

    private static MirrordrillException translate(KubernetesClientException e, Op op) {
        return Fabric8Errors.translate(e, "https://k8s.example:6443/", op, CONFIG_MAP, "app", "cfg");
    }
}
