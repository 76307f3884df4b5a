package io.mirrordrill.adapter.etcd;

import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.etcd.EtcdException;
import io.mirrordrill.port.etcd.EtcdException.Reason;

import java.util.List;
import java.util.Locale;

/**
 * Turns a failed etcdctl run into the port's errors by etcdctl's own words (etcd 3.4): {@code Error: ...} on stderr,
 * after JSON log lines. {@code snapshot save} talks to a member: it is unreachable, refuses the client, or fails.
 * {@code snapshot status} and {@code restore} only read a file that exists: unless the local disk failed or the data
 * directory exists, the file is not a readable snapshot, whatever words bolt or etcd found for it.
 */
final class EtcdctlErrors {
    private static final int MAX_DETAIL = 400;
    private static final List<String> UNREACHABLE = List.of("context deadline exceeded", "connection refused",
            "transientfailure", "no route to host", "i/o timeout", "connection reset", "no such host",
            "deadlineexceeded", "unavailable");
    private static final List<String> DENIED = List.of("authentication failed", "etcdserver: permission denied",
            "invalid auth token", "user name is empty", "x509:", "tls: ", "certificate");
    private static final List<String> LOCAL_IO = List.of("permission denied", "no space left on device",
            "read-only file system", "input/output error", "too many open files");

    private EtcdctlErrors() {
    }

    /**
     * @param operation {@code snapshot save}, {@code snapshot status} or {@code snapshot restore}
     * @param target    what it was about: the endpoints, or the snapshot file
     */
    static MirrordrillException of(String operation, String target, Etcdctl.Result result) {
        String detail = detail(result);
        String lower = detail.toLowerCase(Locale.ROOT);
        String message = "etcdctl " + operation + " " + target + ": " + detail;
        if (operation.equals("snapshot save")) {
            if (containsAny(lower, DENIED)) {
                return new EtcdException(Reason.ACCESS_DENIED, message);
            }
            if (containsAny(lower, UNREACHABLE)) {
                return new UnreachableException(target, detail);
            }
            return new EtcdException(containsAny(lower, LOCAL_IO) ? Reason.IO : Reason.FAILED, message);
        }
        if (lower.contains("data-dir") && lower.contains("exists")) {
            return new EtcdException(Reason.DATA_DIR_EXISTS, message);
        }
        if (lower.contains("no such file or directory") && lower.contains(target.toLowerCase(Locale.ROOT))) {
            return new EtcdException(Reason.SNAPSHOT_NOT_FOUND, message);
        }
        if (containsAny(lower, LOCAL_IO)) {
            return new EtcdException(Reason.IO, message);
        }
        return new EtcdException(Reason.CORRUPT_SNAPSHOT, message);
    }

    /** etcdctl's {@code Error:} line, else its last line that is not a JSON log entry, else the exit code. */
    static String detail(Etcdctl.Result result) {
        List<String> lines = result.stderr().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String detail = lines.stream().filter(l -> l.startsWith("Error:")).reduce((a, b) -> b)
                .map(l -> l.substring("Error:".length()).strip())
                .orElseGet(() -> lines.stream().filter(l -> !l.startsWith("{")).reduce((a, b) -> b)
                        .orElse("exit code " + result.exitCode()));
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "...";
    }

    private static boolean containsAny(String text, List<String> needles) {
        return needles.stream().anyMatch(text::contains);
    }
}
