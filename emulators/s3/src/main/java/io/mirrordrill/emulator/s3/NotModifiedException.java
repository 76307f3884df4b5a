package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStoreException;

/** A GET or HEAD whose If-None-Match or If-Modified-Since did not hold: 304 with the object's validators, no body. */
final class NotModifiedException extends ObjectStoreException {
    private final transient ObjectInfo info;

    NotModifiedException(ObjectInfo info, String bucket) {
        super(304, "NotModified", "Not Modified", bucket, info.key());
        this.info = info;
    }

    ObjectInfo info() {
        return info;
    }
}
