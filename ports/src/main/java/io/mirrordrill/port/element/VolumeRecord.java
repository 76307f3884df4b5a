package io.mirrordrill.port.element;

import java.time.Instant;
import java.util.List;

/**
 * A volume as {@code ListVolumes} returns it. {@code status} is {@code active} or {@code deleted} (a deleted volume
 * stays listed until it is purged); {@code deleteTime} and {@code purgeTime} are null while it is active.
 */
public record VolumeRecord(long volumeID, String name, long accountID, Instant createTime, String status,
                           VolumeAccess access, boolean enable512e, String iqn, Qos qos,
                           List<Long> volumeAccessGroups, long totalSize, long blockSize, Instant deleteTime,
                           Instant purgeTime) {
    public VolumeRecord {
        volumeAccessGroups = List.copyOf(volumeAccessGroups);
    }
}
