package io.mirrordrill.port.kubernetes;

import io.mirrordrill.port.MirrordrillException;

/**
 * An error as the Kubernetes API server reports it: an HTTP code, a {@code Status.reason} such as {@code NotFound},
 * the server's message, and the object it concerns. Subclasses exist for the errors callers branch on.
 */
public class KubernetesException extends MirrordrillException {
    private final int code;
    private final String reason;
    private final String kind;
    private final String namespace;
    private final String name;

    public KubernetesException(int code, String reason, String message, String kind, String namespace, String name) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
    }

    /** The HTTP status code, e.g. 404. */
    public int code() {
        return code;
    }

    /** The API server's machine-readable reason, e.g. {@code Conflict}. */
    public String reason() {
        return reason;
    }

    /** The kind of the object concerned, e.g. {@code ConfigMap}; null when the error concerns no object. */
    public String kind() {
        return kind;
    }

    /** The namespace of the object concerned; null for cluster-scoped objects. */
    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code + " " + reason + " " + kind + " "
                + (namespace == null ? "" : namespace + "/") + name + "]: " + getMessage();
    }
}
