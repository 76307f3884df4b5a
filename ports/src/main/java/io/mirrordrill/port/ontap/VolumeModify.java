package io.mirrordrill.port.ontap;

/**
 * Body of {@code PATCH /api/storage/volumes/{uuid}} that changes settings: {@code snapshot_policy.name} (automatic
 * snapshots) and {@code snapshot_directory_access_enabled} (the {@code .snapshot} directory clients see). A null
 * field is left as it is.
 */
public record VolumeModify(String snapshotPolicy, Boolean snapshotDirectoryAccess) {}
