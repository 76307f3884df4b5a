package io.mirrordrill.port.objectstore;

import io.mirrordrill.port.MirrordrillException;

/**
 * An error as S3 returns it: an error code such as {@code NoSuchKey} with its HTTP status, so the emulator and a real
 * endpoint fail the same way. Messages never contain credentials.
 */
public class ObjectStoreException extends MirrordrillException {
    private final int httpStatus;
    private final String code;
    private final String bucket;
    private final String key;

    public ObjectStoreException(int httpStatus, String code, String message, String bucket, String key) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.bucket = bucket;
        this.key = key;
    }

    public ObjectStoreException(int httpStatus, String code, String message, String bucket, String key,
                                Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.bucket = bucket;
        this.key = key;
    }

    /** The HTTP status of the response; 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** S3's error code, e.g. {@code NoSuchBucket}; see {@link S3Errors}. */
    public String code() {
        return code;
    }

    /** The bucket the request addressed, or null. */
    public String bucket() {
        return bucket;
    }

    /** The key the request addressed, or null. */
    public String key() {
        return key;
    }

    /** True for errors S3 asks the client to retry later (503 SlowDown and ServiceUnavailable, 500 InternalError). */
    public boolean isRetryable() {
        return httpStatus == 503 || httpStatus == 500;
    }

    @Override
    public String toString() {
        return "ObjectStoreException[" + httpStatus + " " + code
                + (bucket == null ? "" : " bucket=" + bucket) + (key == null ? "" : " key=" + key) + "]: "
                + getMessage();
    }
}
