package io.mirrordrill.port.element;

import java.util.Arrays;

/** A volume's {@code access}: who may read and write it over iSCSI. */
public enum VolumeAccess {
    READ_WRITE("readWrite"),
    READ_ONLY("readOnly"),
    LOCKED("locked"),
    REPLICATION_TARGET("replicationTarget");

    private final String wire;

    VolumeAccess(String wire) {
        this.wire = wire;
    }

    /** The value on the wire. */
    public String wire() {
        return wire;
    }

    public static VolumeAccess of(String wire) {
        return Arrays.stream(values()).filter(a -> a.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new ElementException(ElementErrors.UNRECOGNIZED_ENUM_STRING, "Invalid access \"" + wire
                        + "\"; valid: readWrite, readOnly, locked, replicationTarget"));
    }
}
