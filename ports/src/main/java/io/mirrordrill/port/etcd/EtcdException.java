package io.mirrordrill.port.etcd;

import io.mirrordrill.port.MirrordrillException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An etcd operation failed for a {@link Reason} callers can branch on; the message says what and why, as etcdctl
 * would, and never contains credentials. An unreachable member is an
 * {@link io.mirrordrill.port.UnreachableException} instead.
 */
public class EtcdException extends MirrordrillException {
    /** Why an etcd operation failed. */
    public enum Reason {
        /** Not a snapshot, truncated, or its integrity hash does not match: never restored. */
        CORRUPT_SNAPSHOT,
        /** The snapshot file does not exist. */
        SNAPSHOT_NOT_FOUND,
        /** A restore's data directory already exists; etcdctl never restores over one. */
        DATA_DIR_EXISTS,
        /** The member refused the client: wrong credentials, certificate, or permission. */
        ACCESS_DENIED,
        /** The request itself is invalid (a missing flag). */
        INVALID_REQUEST,
        /** The operation did not finish in time and was stopped. */
        TIMEOUT,
        /** The etcdctl binary could not be run. */
        TOOL_MISSING,
        /** Local I/O failed (disk full, permissions). */
        IO,
        /** Anything else the member or etcdctl reported. */
        FAILED
    }

    private final Reason reason;

    public EtcdException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public EtcdException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The snapshot file is missing, in etcdctl's words. */
    public static EtcdException notFound(Path file) {
        return new EtcdException(Reason.SNAPSHOT_NOT_FOUND, "snapshot " + file + ": no such file or directory");
    }

    /** Local I/O on a snapshot file failed. */
    public static EtcdException io(String operation, Path file, IOException e) {
        return new EtcdException(Reason.IO, operation + " " + file + ": " + e, e);
    }

    @Override
    public String toString() {
        return "EtcdException[" + reason + "]: " + getMessage();
    }
}
