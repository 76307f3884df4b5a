package io.mirrordrill.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClientException;
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

import java.io.IOException;
import java.util.Optional;

/**
 * Turns fabric8's {@link KubernetesClientException} into the port's exceptions. The API server's own message is
 * kept; where a server sends none (an empty 404), the API server's wording is used.
 */
final class Fabric8Errors {
    /** What the request was, to tell a create's 409 (AlreadyExists) from a write's 409 (Conflict). */
    enum Op { READ, CREATE, WRITE, DELETE, WATCH }

    private Fabric8Errors() {
    }

    /**
     * An I/O failure in words for a person: the first message of its own along its causes (a refused connection often
     * has none; a wrapper's message is often just its cause's class and message).
     */
    static String describe(IOException io) {
        for (Throwable t = io; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
            String m = t.getMessage();
            if (m != null && !m.isBlank() && (t.getCause() == null || !m.equals(t.getCause().toString()))) {
                return m;
            }
        }
        return "the connection failed without a reason";
    }

    static MirrordrillException translate(KubernetesClientException e, String endpoint, Op op, ResourceKind kind,
                                          String namespace, String name) {
        return translate(e, endpoint, op, kind, namespace, name, null);
    }

    /**
     * As above; with {@code kinds}, an error whose Status details name another object than the request's (creating
     * in a missing namespace: {@code namespaces "x" not found}) is reported for that object.
     */
    static MirrordrillException translate(KubernetesClientException e, String endpoint, Op op, ResourceKind requested,
                                          String namespace, String requestedName, KindRegistry kinds) {
        IOException io = ioCause(e);
        if (io != null || e.getCode() == 0 && e.getStatus() == null) {
            return new UnreachableException(endpoint, io != null ? describe(io) : String.valueOf(e.getMessage()));
        }
        Status status = e.getStatus();
        ResourceKind kind = requested;
        String name = requestedName;
        StatusDetails details = status == null ? null : status.getDetails();
        if (kinds != null && details != null && details.getKind() != null && details.getName() != null
                && !details.getKind().equals(requested.plural()) && !details.getKind().equals(requested.kind())) {
            String group = details.getGroup() == null ? "" : details.getGroup();
            Optional<ResourceKind> named = kinds.all().stream()
                    .filter(k -> k.plural().equals(details.getKind()) && k.group().equals(group)).findFirst();
            if (named.isPresent()) {
                kind = named.get();
                name = details.getName();
            }
        }
        String ns = kind.namespaced() ? namespace : null;
        String message = status != null && status.getMessage() != null && !status.getMessage().isEmpty()
                ? status.getMessage() : null;
        return switch (e.getCode()) {
            case 404 -> new NotFoundException(orElse(message, kind.resource() + " \"" + name + "\" not found"),
                    kind.kind(), ns, name);
            case 409 -> op == Op.CREATE
                    ? new AlreadyExistsException(orElse(message, kind.resource() + " \"" + name + "\" already exists"),
                            kind.kind(), ns, name)
                    : new ConflictException(orElse(message, "Operation cannot be fulfilled on " + kind.resource()
                            + " \"" + name + "\""), kind.kind(), ns, name);
            case 410 -> new ExpiredException(orElse(message, "resource version expired"), kind.kind(), ns);
            case 422 -> new InvalidException(orElse(message, kind.kind() + " \"" + name + "\" is invalid"),
                    kind.kind(), ns, name);
            default -> new KubernetesException(e.getCode(), status == null ? null : status.getReason(),
                    orElse(message, e.getMessage()), kind.kind(), ns, name);
        };
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static String orElse(String message, String fallback) {
        return message != null ? message : fallback;
    }
}
