package io.mirrordrill.port.objectstore;

import java.time.Instant;

/**
 * An object's metadata as {@code HeadObject} and {@code ListObjectsV2} show it.
 *
 * @param etag the ETag without surrounding quotes (for a single-part upload, the hex MD5 of the content)
 * @param size the whole object's size in bytes
 * @param lastModified S3 reports it with second precision
 */
public record ObjectInfo(String key, String etag, long size, Instant lastModified) {}
