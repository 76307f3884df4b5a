package io.mirrordrill.adapter.etcd;

import io.mirrordrill.port.etcd.EtcdException;
import io.mirrordrill.port.etcd.EtcdException.Reason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A private temporary directory for a snapshot that arrives or leaves as a stream, and tree deletion. */
final class TempFiles {
    interface FileWork<T> {
        T run(Path file) throws IOException;
    }

    private TempFiles() {
    }

    /** Runs {@code work} on {@code snapshot.db} in a fresh owner-only directory, then deletes the directory. */
    static <T> T withTempFile(String operation, FileWork<T> work) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mirrordrill-etcd-");
            return work.run(dir.resolve("snapshot.db"));
        } catch (IOException e) {
            throw new EtcdException(Reason.IO, operation + ": " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new EtcdException(Reason.IO, "cannot remove " + root + ": " + e.getMessage(), e);
        }
    }
}
