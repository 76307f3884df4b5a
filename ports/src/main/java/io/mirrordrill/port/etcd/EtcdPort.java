package io.mirrordrill.port.etcd;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The etcd a Kubernetes cluster keeps its objects in, as {@code etcdctl} (API v3, etcd 3.4) sees it:
 * <ul>
 *   <li>{@link #save} is {@code etcdctl snapshot save}: a point-in-time copy of the member's whole keyspace;</li>
 *   <li>{@link #status} is {@code etcdctl snapshot status -w json}: what a snapshot file holds; offline;</li>
 *   <li>{@link #restore} is {@code etcdctl snapshot restore <file> --data-dir <dir>}: a new member's data directory
 *       holding exactly the snapshot's keys and revision; offline, and refused for an existing directory.</li>
 * </ul>
 * Errors are {@link EtcdException}s with a {@link EtcdException.Reason}; a member that cannot be reached throws
 * {@link io.mirrordrill.port.UnreachableException}. Messages never contain credentials.
 */
public interface EtcdPort {

    /** Streams a snapshot of the member to {@code out} (not closed) and reports what it holds. */
    SavedSnapshot save(OutputStream out);

    /** Reads a snapshot from {@code snapshot} (not closed); refuses one that is not a readable snapshot. */
    SnapshotStatus status(InputStream snapshot);

    /** Restores a snapshot into a new data directory; verifies the snapshot's integrity hash first. */
    RestoredMember restore(InputStream snapshot, RestoreRequest request);

    /**
     * {@code etcdctl snapshot save <file>}: written beside the file as {@code <file>.part} and renamed when complete,
     * so a failed save never leaves a truncated file under the final name.
     */
    default SavedSnapshot save(Path file) {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            SavedSnapshot saved;
            try (OutputStream out = Files.newOutputStream(part)) {
                saved = save(out);
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            return saved;
        } catch (IOException e) {
            throw EtcdException.io("snapshot save", file, e);
        } finally {
            deleteQuietly(part);
        }
    }

    /** {@code etcdctl snapshot status <file>}. */
    default SnapshotStatus status(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return status(in);
        } catch (NoSuchFileException e) {
            throw EtcdException.notFound(file);
        } catch (IOException e) {
            throw EtcdException.io("snapshot status", file, e);
        }
    }

    /** {@code etcdctl snapshot restore <file> --data-dir <dir>}. */
    default RestoredMember restore(Path file, RestoreRequest request) {
        try (InputStream in = Files.newInputStream(file)) {
            return restore(in, request);
        } catch (NoSuchFileException e) {
            throw EtcdException.notFound(file);
        } catch (IOException e) {
            throw EtcdException.io("snapshot restore", file, e);
        }
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // best effort: the .part name already says the file is incomplete
        }
    }
}
