package io.mirrordrill.port.kubernetes;

/**
 * A watch asked to resume from a resourceVersion older than the server still remembers (410 Gone, reason
 * {@code Expired}); the caller lists again and watches from the list's resourceVersion.
 */
public class ExpiredException extends KubernetesException {
    public ExpiredException(String message, String kind, String namespace) {
        super(410, "Expired", message, kind, namespace, null);
    }
}
