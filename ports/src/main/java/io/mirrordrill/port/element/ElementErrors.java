package io.mirrordrill.port.element;

/**
 * Element API error names used by the emulator and understood by callers; docs/element.md lists them with where they
 * were seen. Names marked "chosen" had no public source for the case; the value was picked and is used consistently.
 */
public final class ElementErrors {
    private ElementErrors() {}

    /** A method the API endpoint does not know (seen: node endpoints answering cluster methods). */
    public static final String UNKNOWN_API_METHOD = "xUnknownAPIMethod";
    /** A required parameter is absent. */
    public static final String MISSING_PARAMETER = "xMissingParameter";
    /** A parameter has a wrong type or value. */
    public static final String INVALID_PARAMETER = "xInvalidParameter";
    /** The request is not JSON-RPC (no method, not JSON). (chosen) */
    public static final String INVALID_JSON_RPC = "xInvalidJSONRPCRequest";

    public static final String ACCOUNT_ID_DOES_NOT_EXIST = "xAccountIDDoesNotExist";
    public static final String DUPLICATE_USERNAME = "xDuplicateUsername";
    public static final String VOLUME_ID_DOES_NOT_EXIST = "xVolumeIDDoesNotExist";
    public static final String SNAPSHOT_ID_DOES_NOT_EXIST = "xSnapshotIDDoesNotExist";
    public static final String VOLUME_ACCESS_GROUP_ID_DOES_NOT_EXIST = "xVolumeAccessGroupIDDoesNotExist";
    /** A volume added to an access group it is already in (seen in the OpenStack Cinder driver). */
    public static final String ALREADY_IN_VOLUME_ACCESS_GROUP = "xAlreadyInVolumeAccessGroup";
    /** (chosen) An access group name already in use. */
    public static final String DUPLICATE_VOLUME_ACCESS_GROUP_NAME = "xVolumeAccessGroupNameExists";
    /** (chosen) A schedule ID that does not exist. */
    public static final String SCHEDULE_ID_DOES_NOT_EXIST = "xScheduleIDDoesNotExist";
    /** A volume shrunk below its size, or grown past the maximum. (chosen name for the shrink case) */
    public static final String VOLUME_SHRINK_PROHIBITED = "xVolumeShrinkProhibited";
    /** A snapshot or rollback on a volume whose access does not allow it (a replication target). */
    public static final String NOT_PRIMARY = "xNotPrimary";
    /** A limit of the cluster exceeded (volumes per access group, snapshots per volume). */
    public static final String EXCEEDED_LIMIT = "xExceededLimit";
}
