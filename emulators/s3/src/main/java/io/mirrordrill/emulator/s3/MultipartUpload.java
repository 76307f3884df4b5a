package io.mirrordrill.emulator.s3;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** An upload in progress: its parts by number, each replaced by a later upload of the same number, as in S3. */
final class MultipartUpload {
    /** One uploaded part; its ETag is the hex MD5 of its bytes. */
    record Part(int number, String etag, byte[] content, Instant lastModified) {
        long size() {
            return content.length;
        }
    }

    private final String uploadId;
    private final String key;
    private final Instant initiated;
    private final NavigableMap<Integer, Part> parts = new TreeMap<>();

    MultipartUpload(String uploadId, String key, Instant initiated) {
        this.uploadId = uploadId;
        this.key = key;
        this.initiated = initiated;
    }

    String uploadId() {
        return uploadId;
    }

    String key() {
        return key;
    }

    Instant initiated() {
        return initiated;
    }

    void put(Part part) {
        parts.put(part.number(), part);
    }

    Part part(int number) {
        return parts.get(number);
    }

    /** Parts numbered above {@code marker}, in part-number order. */
    List<Part> partsAfter(int marker) {
        return new ArrayList<>(parts.tailMap(marker, false).values());
    }
}
