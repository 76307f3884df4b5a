package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.objectstore.ObjectInfo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** An object's bytes and metadata. Immutable: a put replaces the whole object, as in S3. */
record StoredObject(ObjectInfo info, byte[] content) {

    static StoredObject of(String key, byte[] content, Instant lastModified) {
        return new StoredObject(new ObjectInfo(key, md5Hex(content), content.length, lastModified), content.clone());
    }

    /** S3's ETag of a single-part upload: the hex MD5 of the content. */
    static String md5Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
