package io.mirrordrill.port.objectstore;

import java.util.List;

/**
 * An S3-compatible object store (the AppVault's bucket), with S3's semantics: keys are flat strings listed in
 * lexicographic (UTF-8 binary) order, every object has an ETag, a write is atomic per object, and failures carry
 * S3's error codes ({@link S3Errors}) in an {@link ObjectStoreException}. Each method names the S3 operation it maps
 * to, so the SDK adapter is a thin translation.
 *
 * <p>An endpoint that cannot be reached throws {@link io.mirrordrill.port.UnreachableException}: nothing
 * happened. A request whose response never arrived throws {@link ResponseLostException}: it may have taken effect.
 */
public interface ObjectStorePort {

    /** {@code PUT /bucket}. An existing bucket fails with {@code BucketAlreadyOwnedByYou} or {@code BucketAlreadyExists}. */
    void createBucket(String bucket);

    /** {@code HEAD /bucket}: true when the bucket exists (and the caller may use it). */
    boolean bucketExists(String bucket);

    /** {@code GET /}: the caller's buckets in name order. */
    List<BucketInfo> listBuckets();

    /**
     * {@code PUT /bucket/key}. With {@link WriteCondition#IF_NONE_MATCH} ({@code If-None-Match: *}) the write is
     * refused with {@code PreconditionFailed} (412) when the key already exists: a create that cannot overwrite.
     *
     * @return the new object's ETag, without the quotes S3 puts around it
     */
    String put(String bucket, String key, byte[] content, WriteCondition condition);

    /** An unconditional {@code PUT /bucket/key}, replacing any object under the key. */
    default String put(String bucket, String key, byte[] content) {
        return put(bucket, key, content, WriteCondition.NONE);
    }

    /**
     * {@code GET /bucket/key}, optionally with {@code Range}. A range that starts past the end fails with
     * {@code InvalidRange} (416); a range that ends past the end is cut at the end, as S3 does.
     *
     * @param range the bytes wanted, or null for the whole object
     */
    ObjectContent get(String bucket, String key, ByteRange range);

    default ObjectContent get(String bucket, String key) {
        return get(bucket, key, null);
    }

    /** {@code HEAD /bucket/key}; a missing key fails with {@code NoSuchKey}. */
    ObjectInfo head(String bucket, String key);

    /** {@code DELETE /bucket/key}. Deleting a missing key succeeds, as in S3; a missing bucket fails. */
    void delete(String bucket, String key);

    /** {@code GET /bucket?list-type=2}: one page of a listing. */
    ListPage list(ListRequest request);
}
