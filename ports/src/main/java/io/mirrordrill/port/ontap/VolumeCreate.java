package io.mirrordrill.port.ontap;

/**
 * Body of {@code POST /api/storage/volumes}; type defaults to rw, snapshot policy to none. A clone names its parent
 * volume and snapshot ({@code clone.parent_volume.name}, {@code clone.parent_snapshot.name}, {@code is_flexclone}):
 * it starts with the snapshot's data, shared rather than copied.
 */
public record VolumeCreate(String name, String svm, long size, VolumeType type, String snapshotPolicy,
                           String cloneParentVolume, String cloneParentSnapshot) {
    public VolumeCreate(String name, String svm, long size, VolumeType type, String snapshotPolicy) {
        this(name, svm, size, type, snapshotPolicy, null, null);
    }

    public VolumeCreate(String name, String svm, long size, VolumeType type) {
        this(name, svm, size, type, "none");
    }

    /** A FlexClone of {@code parentVolume} at {@code parentSnapshot}, in the same SVM. */
    public static VolumeCreate clone(String name, String svm, long size, String parentVolume, String parentSnapshot) {
        return new VolumeCreate(name, svm, size, VolumeType.RW, "none", parentVolume, parentSnapshot);
    }

    public boolean isClone() {
        return cloneParentVolume != null;
    }
}
