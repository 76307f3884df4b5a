package io.mirrordrill.engine.archive;

import io.mirrordrill.port.objectstore.ObjectContent;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.port.objectstore.WriteCondition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes snapshot archives into a vault's bucket: every part first, the manifest last. Each object is a conditional
 * create ({@code If-None-Match: *}), and an object that is already there is accepted exactly when it has the same
 * SHA-256; so a write interrupted by a crash, an outage or a lost response is finished by writing the same archive
 * again, and a different archive can never overwrite it ({@link ArchiveConflictException}). Port failures pass
 * through unchanged for the caller to retry; nothing is retried here.
 */
public final class ArchiveWriter {
    private final ObjectStorePort store;
    private final String bucket;

    public ArchiveWriter(ObjectStorePort store, String bucket) {
        this.store = store;
        this.bucket = bucket;
    }

    /** Writes (or finishes writing) the archive and returns its manifest; once this returns, readers see it. */
    public Manifest write(ArchivePath path, ArchiveContent content) {
        return write(path, ArchiveFormat.serialize(content));
    }

    /**
     * Writes (or finishes writing) a copy of an archive read from another bucket, under the same path: the parts
     * it was read and verified as, byte for byte, with a manifest of the same entries.
     */
    public Manifest copy(Archive archive) {
        SortedMap<String, byte[]> parts = new TreeMap<>();
        ArchiveFormat.PARTS.forEach(name -> parts.put(name, archive.parts().get(name)));
        return write(archive.path(), parts);
    }

    private Manifest write(ArchivePath path, SortedMap<String, byte[]> parts) {
        List<Manifest.Entry> entries = new ArrayList<>();
        parts.forEach((name, bytes) -> entries.add(new Manifest.Entry(name, ArchiveFormat.sha256(bytes),
                bytes.length)));
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, path, entries);
        byte[] manifestBytes = ArchiveFormat.manifest(manifest);
        if (alreadyCommitted(path, manifest.key(), manifestBytes)) {
            return manifest;
        }
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            createOnce(path, path.key(part.getKey()), part.getValue());
        }
        createOnce(path, manifest.key(), manifestBytes);
        return manifest;
    }

    /**
     * Stores an archive's capture ahead of the rest: a snapshot captures the application's resources before it
     * snapshots the volumes, and a retry after a crash must archive that capture, not a later one
     * ({@link ArchiveReader#capture}). {@value ArchiveFormat#NAMESPACES} goes first and may replace one left by an
     * attempt that died before finishing (no reader has seen it); {@value ArchiveFormat#RESOURCES}, a conditional
     * create, marks the capture as stored. {@link #write} later accepts both parts, being the same bytes.
     */
    public void stageCapture(ArchivePath path, StagedCapture capture) {
        SortedMap<String, byte[]> parts = ArchiveFormat.serialize(new ArchiveContent(capture.resources(),
                capture.namespaces(), List.of(), List.of()));
        store.put(bucket, path.key(ArchiveFormat.NAMESPACES), parts.get(ArchiveFormat.NAMESPACES));
        createOnce(path, path.key(ArchiveFormat.RESOURCES), parts.get(ArchiveFormat.RESOURCES));
    }

    /** True when this very archive is committed already; a different one under the path is a conflict. */
    private boolean alreadyCommitted(ArchivePath path, String key, byte[] manifest) {
        try {
            requireSame(path, key, store.get(bucket, key), manifest);
            return true;
        } catch (ObjectStoreException e) {
            if (S3Errors.NO_SUCH_KEY.equals(e.code())) {
                return false;
            }
            throw e;
        }
    }

    private void createOnce(ArchivePath path, String key, byte[] bytes) {
        try {
            store.put(bucket, key, bytes, WriteCondition.IF_NONE_MATCH);
        } catch (ObjectStoreException e) {
            if (!S3Errors.PRECONDITION_FAILED.equals(e.code())) {
                throw e;
            }
            requireSame(path, key, store.get(bucket, key), bytes); // an earlier attempt's, or someone else's
        }
    }

    /** The object there is the one wanted, byte for byte; the checksums are worked out only to name a conflict. */
    private static void requireSame(ArchivePath path, String key, ObjectContent existing, byte[] wanted) {
        byte[] have = existing.bytes();
        if (!Arrays.equals(have, wanted)) {
            throw new ArchiveConflictException(path.path(), key, ArchiveFormat.sha256(have),
                    ArchiveFormat.sha256(wanted));
        }
    }
}
