package io.mirrordrill.port.kubernetes;

/** A create named an object that already exists (409). */
public class AlreadyExistsException extends KubernetesException {
    public AlreadyExistsException(String message, String kind, String namespace, String name) {
        super(409, "AlreadyExists", message, kind, namespace, name);
    }
}
