package io.mirrordrill.port.objectstore;

import java.util.List;

/**
 * One page of a {@code ListObjectsV2} answer: objects and common prefixes, each in lexicographic order.
 *
 * @param truncated true when more entries follow; then {@code nextContinuationToken} resumes after this page
 */
public record ListPage(List<ObjectInfo> objects, List<String> commonPrefixes, boolean truncated,
                       String nextContinuationToken) {
    public ListPage {
        objects = List.copyOf(objects);
        commonPrefixes = List.copyOf(commonPrefixes);
        if (truncated && nextContinuationToken == null) {
            throw new IllegalArgumentException("a truncated page carries a continuation token");
        }
    }

    /** S3's {@code KeyCount}: objects plus common prefixes on this page. */
    public int keyCount() {
        return objects.size() + commonPrefixes.size();
    }
}
