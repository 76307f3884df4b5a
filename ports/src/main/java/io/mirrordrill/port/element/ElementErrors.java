package io.mirrordrill.port.element;

/**
 * Element API error names used by the emulator and understood by callers; docs/element.md lists where each was seen.
 * Names marked "chosen" had no public source for the case; the value was picked and is used consistently.
 */
public final class ElementErrors {
    private ElementErrors() {}

    /** A method the endpoint does not know. */
    public static final String UNKNOWN_API_METHOD = "xUnknownAPIMethod";
    /** (chosen) A required parameter is absent. */
    public static final String MISSING_PARAMETER = "xMissingParameter";
    /** A parameter's value is out of range or malformed. */
    public static final String INVALID_PARAMETER = "xInvalidParameter";
    /** A parameter of the wrong JSON type. */
    public static final String INVALID_PARAMETER_TYPE = "xInvalidParameterType";
    /** A string parameter that is not one of its enumeration's values (such as {@code access}). */
    public static final String UNRECOGNIZED_ENUM_STRING = "xUnrecognizedEnumString";
    /** (chosen) A body that is not a JSON-RPC request (not JSON, no {@code method}). */
    public static final String INVALID_JSON_RPC = "xInvalidJSONRPCRequest";

    public static final String ACCOUNT_ID_DOES_NOT_EXIST = "xAccountIDDoesNotExist";
    public static final String DUPLICATE_USERNAME = "xDuplicateUsername";
    /** {@code GetAccountByName} or {@code GetAccountByID} of an account that does not exist. */
    public static final String UNKNOWN_ACCOUNT = "xUnknownAccount";
    public static final String VOLUME_ID_DOES_NOT_EXIST = "xVolumeIDDoesNotExist";
    public static final String SNAPSHOT_ID_DOES_NOT_EXIST = "xSnapshotIDDoesNotExist";
    public static final String VOLUME_ACCESS_GROUP_ID_DOES_NOT_EXIST = "xVolumeAccessGroupIDDoesNotExist";
    public static final String ALREADY_IN_VOLUME_ACCESS_GROUP = "xAlreadyInVolumeAccessGroup";
    /** (chosen) A schedule ID that does not exist. */
    public static final String SCHEDULE_ID_DOES_NOT_EXIST = "xScheduleIDDoesNotExist";
    /** (chosen) {@code ModifyVolume} asked for a smaller {@code totalSize}: Element volumes only grow. */
    public static final String VOLUME_SHRINK_PROHIBITED = "xVolumeShrinkProhibited";
    /** A volume already holds the maximum number of snapshots (32). */
    public static final String MAX_SNAPSHOTS_PER_VOLUME_EXCEEDED = "xMaxSnapshotsPerVolumeExceeded";
    /** A limit of the cluster exceeded (volumes in one access group). */
    public static final String EXCEEDED_LIMIT = "xExceededLimit";
}
