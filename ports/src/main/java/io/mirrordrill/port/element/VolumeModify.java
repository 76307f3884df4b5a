package io.mirrordrill.port.element;

/**
 * {@code ModifyVolume {volumeID, accountID, access, qos, totalSize}}: null fields are left as they are, as
 * Element leaves absent parameters.
 */
public record VolumeModify(long volumeID, Long accountID, VolumeAccess access, Qos qos, Long totalSize) {
    public static VolumeModify of(long volumeID) {
        return new VolumeModify(volumeID, null, null, null, null);
    }

    public VolumeModify withAccess(VolumeAccess value) {
        return new VolumeModify(volumeID, accountID, value, qos, totalSize);
    }

    public VolumeModify withQos(Qos value) {
        return new VolumeModify(volumeID, accountID, access, value, totalSize);
    }

    public VolumeModify withTotalSize(long value) {
        return new VolumeModify(volumeID, accountID, access, qos, value);
    }

    public VolumeModify withAccountID(long value) {
        return new VolumeModify(volumeID, value, access, qos, totalSize);
    }
}
