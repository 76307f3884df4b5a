package io.mirrordrill.emulator.s3;

import java.util.List;

/** One page of ListParts, in part-number order; {@code nextPartNumberMarker} is the last part shown. */
record PartList(String key, String uploadId, List<MultipartUpload.Part> parts, boolean truncated,
                int nextPartNumberMarker) {}
