package io.mirrordrill.engine.port.ontap;

/** Body of {@code POST /api/storage/volumes}; type defaults to rw, snapshot policy to none. */
public record VolumeCreate(String name, String svm, long size, VolumeType type, String snapshotPolicy) {
    public VolumeCreate(String name, String svm, long size, VolumeType type) {
        this(name, svm, size, type, "none");
    }
}
