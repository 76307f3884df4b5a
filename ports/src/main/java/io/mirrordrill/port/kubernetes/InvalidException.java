package io.mirrordrill.port.kubernetes;

/** The object fails validation (422); the message names the field. */
public class InvalidException extends KubernetesException {
    public InvalidException(String message, String kind, String namespace, String name) {
        super(422, "Invalid", message, kind, namespace, name);
    }
}
