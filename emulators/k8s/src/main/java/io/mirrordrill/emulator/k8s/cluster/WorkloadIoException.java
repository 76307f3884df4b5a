package io.mirrordrill.emulator.k8s.cluster;

import io.mirrordrill.port.MirrordrillException;

/** A workload's read or write that did not happen, and why, as the application would see it. */
public class WorkloadIoException extends MirrordrillException {
    public enum Reason {
        /** No such pod, mount or file. */
        NOT_FOUND,
        /** The pod exists but is not running (pending, or its volumes cannot be mounted). */
        NOT_RUNNING,
        /** A read-only mount, or a DP volume under it (EROFS). */
        READ_ONLY,
        /** The filesystem is frozen by a hook (fsfreeze) and writes block. */
        FROZEN,
        /** The storage cannot be reached: site down, partition, SVM stopped. */
        UNREACHABLE,
        /** The volume is full (ENOSPC). */
        NO_SPACE
    }

    private final Reason reason;

    public WorkloadIoException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
