package io.mirrordrill.emulator.s3;

import java.util.List;

/**
 * One page of ListMultipartUploads: uploads in key order, then initiation order; {@code nextKeyMarker} and
 * {@code nextUploadIdMarker} are where the next page starts when {@code truncated}.
 */
record UploadList(List<Upload> uploads, List<String> commonPrefixes, boolean truncated, String nextKeyMarker,
                  String nextUploadIdMarker) {
    /** What the listing shows of an upload. */
    record Upload(String key, String uploadId, java.time.Instant initiated) {}
}
