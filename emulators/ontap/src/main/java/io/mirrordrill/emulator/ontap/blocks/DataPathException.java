package io.mirrordrill.emulator.ontap.blocks;

import io.mirrordrill.port.MirrordrillException;

/** A client I/O error on a volume, named after the errno an NFS client would see. */
public class DataPathException extends MirrordrillException {
    /** The errno-like reason. */
    public enum Reason {
        /** EROFS: a DP volume, or a volume that is otherwise read-only. */
        READ_ONLY,
        /** ENOSPC: the write would exceed the volume's size. */
        NO_SPACE,
        /** ENOENT. */
        NOT_FOUND,
        /** EIO/timeout: the SVM is stopped, the volume offline, or the site unreachable. */
        UNREACHABLE,
        /** EINVAL: an offset or size out of range. */
        INVALID
    }

    private final Reason reason;

    public DataPathException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
