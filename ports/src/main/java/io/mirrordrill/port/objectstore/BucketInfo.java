package io.mirrordrill.port.objectstore;

import java.time.Instant;

/** A bucket as {@code ListBuckets} shows it. */
public record BucketInfo(String name, Instant creationDate) {}
