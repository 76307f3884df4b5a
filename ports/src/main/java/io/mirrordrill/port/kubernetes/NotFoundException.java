package io.mirrordrill.port.kubernetes;

/** The object does not exist (404), or its namespace does not. */
public class NotFoundException extends KubernetesException {
    public NotFoundException(String message, String kind, String namespace, String name) {
        super(404, "NotFound", message, kind, namespace, name);
    }
}
