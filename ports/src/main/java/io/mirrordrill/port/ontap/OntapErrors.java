package io.mirrordrill.port.ontap;

/**
 * ONTAP error codes used by the emulator and understood by the engine; docs/ontap-emulator.md lists them with sources.
 * Codes marked "chosen" had no public source; the value was picked and is used consistently.
 */
public final class OntapErrors {
    private OntapErrors() {}

    // generic
    public static final String EXISTS = "1";
    public static final String INVALID = "2";
    public static final String NOT_SUPPORTED = "3";
    public static final String NOT_FOUND = "4";
    public static final String PERMISSION_DENIED = "6";
    public static final String IN_USE = "8";

    // request parsing (what ONTAP answers before any endpoint logic runs)
    /** A query parameter or body field the endpoint does not take: {@code Unexpected argument "x".} */
    public static final String UNEXPECTED_ARGUMENT = "262179";
    /** A field's value is not valid for it (wrong type, unknown enum value, unknown name in {@code fields=}). */
    public static final String INVALID_VALUE = "262197";

    // volumes
    public static final String VOLUME_DUPLICATE_NAME = "917526";
    public static final String VOLUME_SVM_NOT_FOUND = "917505";
    public static final String VOLUME_NAME_TOO_LONG = "917886";
    public static final String VOLUME_NAME_BAD_FIRST_CHAR = "917887";
    public static final String VOLUME_DP_UNINITIALIZED_MOUNT = "917536";
    /** Deleting a volume that is the source of a SnapMirror relationship not released yet (ONTAP's 18436). */
    public static final String VOLUME_SNAPMIRROR_SOURCE = "18436";

    // snapshots
    public static final String SNAPSHOT_NAME_EXISTS = "525059";
    public static final String SNAPSHOT_ONLY_ON_RW = "1638461";
    public static final String SNAPSHOT_DELETE_ONLY_ON_RW = "1638521";
    public static final String SNAPSHOT_HAS_OWNER = "1638543";
    public static final String SNAPSHOT_NOT_FOUND = "1638600";
    public static final String SNAPSHOT_RESTORE_NEWER_SNAPMIRROR = "1638480";

    // SnapMirror create
    public static final String SM_DESTINATION_NOT_DP = "6619546";
    public static final String SM_RELATIONSHIP_EXISTS = "6619637";
    public static final String SM_SOURCE_EQUALS_DESTINATION = "6619441";
    public static final String SM_PATH_LACKS_COLON = "13303852";
    public static final String SM_INVALID_POLICY = "13303821";
    public static final String SM_SCHEDULE_NOT_FOUND = "6619699";
    public static final String SM_SVM_PEER_MISSING = "13303886";

    // SnapMirror state changes
    public static final String SM_INVALID_TRANSITION = "13303818";
    public static final String SM_ALREADY_INITIALIZED = "13303832";
    public static final String SM_BREAK_FAILED_TRANSFERRING = "13303808";
    public static final String SM_QUIESCE_FAILED = "13303809";
    public static final String SM_TO_SNAPMIRRORED_FAILED = "13303810";
    public static final String SM_MODIFICATION_IN_PROGRESS = "6619715";
    public static final String SM_TRANSFER_IN_PROGRESS = "13303844";
    public static final String SM_TRANSFER_ALREADY_RUNNING = "13303812";

    /** (chosen) A transfer failed because the source cluster could not be reached over the network. */
    public static final String SM_TRANSFER_NETWORK_FAILED = "13303891";
    /** (chosen) Resync found no Snapshot copy common to source and destination. */
    public static final String SM_NO_COMMON_SNAPSHOT = "13303867";
    /** (chosen) The destination SVM of an identity-preserving SVM-DR cannot start while its source SVM runs. */
    public static final String SVM_DR_SOURCE_RUNNING = "13434916";
    /** (chosen) A destination SVM of subtype dp_destination cannot be started before the relationship is broken. */
    public static final String SVM_DP_DESTINATION_START = "13434917";
}
