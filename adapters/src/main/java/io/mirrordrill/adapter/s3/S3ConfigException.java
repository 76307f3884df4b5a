package io.mirrordrill.adapter.s3;

import io.mirrordrill.port.MirrordrillException;

/** An S3 configuration that cannot work (missing field, unreadable rootCA, bad proxy URL); names the field. */
public class S3ConfigException extends MirrordrillException {
    public S3ConfigException(String message) {
        super(message);
    }

    public S3ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
