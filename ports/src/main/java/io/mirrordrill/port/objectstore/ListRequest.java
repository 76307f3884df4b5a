package io.mirrordrill.port.objectstore;

/**
 * One {@code ListObjectsV2} call. Keys are listed in lexicographic order; with a delimiter, keys that share the part
 * of the key up to the first delimiter after the prefix roll up into one common prefix. {@code maxKeys} bounds keys
 * and common prefixes together (S3 caps it at 1000); the continuation token of a truncated page resumes the listing.
 *
 * @param prefix only keys starting with it; null or "" for all
 * @param delimiter usually "/"; null for a flat listing
 * @param continuationToken the previous page's {@link ListPage#nextContinuationToken()}, or null to start
 */
public record ListRequest(String bucket, String prefix, String delimiter, int maxKeys, String continuationToken) {
    public static final int MAX_KEYS = 1000;

    public ListRequest {
        if (maxKeys < 0) {
            throw new IllegalArgumentException("maxKeys is not negative: " + maxKeys);
        }
    }

    /** Every key of the bucket, first page, up to 1000 entries. */
    public static ListRequest of(String bucket) {
        return new ListRequest(bucket, null, null, MAX_KEYS, null);
    }

    public ListRequest withPrefix(String newPrefix) {
        return new ListRequest(bucket, newPrefix, delimiter, maxKeys, continuationToken);
    }

    public ListRequest withDelimiter(String newDelimiter) {
        return new ListRequest(bucket, prefix, newDelimiter, maxKeys, continuationToken);
    }

    public ListRequest withMaxKeys(int newMaxKeys) {
        return new ListRequest(bucket, prefix, delimiter, newMaxKeys, continuationToken);
    }

    public ListRequest withContinuationToken(String token) {
        return new ListRequest(bucket, prefix, delimiter, maxKeys, token);
    }

    /** The prefix, never null. */
    public String prefixOrEmpty() {
        return prefix == null ? "" : prefix;
    }
}
