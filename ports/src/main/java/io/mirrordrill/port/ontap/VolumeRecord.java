package io.mirrordrill.port.ontap;

import java.time.Instant;

/**
 * {@code /api/storage/volumes} record. {@code isProtected} is {@code snapmirror.is_protected}; {@code svm} and
 * {@code svmUuid} are {@code svm.name} and {@code svm.uuid}.
 */
public record VolumeRecord(String uuid, String name, String svm, long size, VolumeType type, String state,
                           Instant createTime, String snapshotPolicy, boolean isProtected, long usedBytes,
                           String svmUuid) {}
