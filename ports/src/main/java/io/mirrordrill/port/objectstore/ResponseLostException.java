package io.mirrordrill.port.objectstore;

/**
 * The request reached the store but its response never came back (connection dropped, read timed out): the caller
 * cannot tell whether a write took effect. Idempotent callers re-read before acting; a retried conditional create may
 * then fail with PreconditionFailed against the caller's own first write.
 */
public class ResponseLostException extends ObjectStoreException {
    public static final String CODE = "ResponseLost";

    public ResponseLostException(String message, String bucket, String key) {
        super(0, CODE, message, bucket, key);
    }

    public ResponseLostException(String message, String bucket, String key, Throwable cause) {
        super(0, CODE, message, bucket, key, cause);
    }
}
