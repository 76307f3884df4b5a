package io.mirrordrill.port.kubernetes;

/** A write based on a stale {@code metadata.resourceVersion} (409); re-read and retry. */
public class ConflictException extends KubernetesException {
    public ConflictException(String message, String kind, String namespace, String name) {
        super(409, "Conflict", message, kind, namespace, name);
    }
}
