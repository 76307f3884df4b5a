package io.mirrordrill.engine.archive;

import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStorePort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deletes an application's old archives. The newest {@code keep} committed archives stay, and so does every archive
 * in the protected set (the snapshot a relationship still needs), whatever its age. An archive is deleted manifest
 * first, so from that moment readers no longer see it; its other objects follow. Folders without a manifest (an
 * interrupted write or deletion) are invisible to readers and to {@link #prune}; {@link #sweepUnfinished} removes
 * those older than a cut-off the caller chooses, one no write in progress can be behind.
 */
public final class ArchiveRetention {
    private final ObjectStorePort store;
    private final String bucket;
    private final ArchiveReader reader;

    public ArchiveRetention(ObjectStorePort store, String bucket) {
        this.store = store;
        this.bucket = bucket;
        this.reader = new ArchiveReader(store, bucket);
    }

    /**
     * @param protectedArchives basenames or full paths of archives that must stay
     * @return the committed archives deleted, oldest first
     */
    public List<ArchivePath> prune(String appName, String appUid, int keep, Set<String> protectedArchives) {
        if (keep < 0) {
            throw new IllegalArgumentException("the number of archives to keep is not negative: " + keep);
        }
        Set<String> keepAlways = new TreeSet<>();
        protectedArchives.forEach(p -> keepAlways.add(basenameOf(p)));
        List<ArchivePath> committed = reader.list(appName, appUid);
        List<ArchivePath> deleted = new ArrayList<>();
        for (int i = 0; i < committed.size() - keep; i++) {
            ArchivePath path = committed.get(i);
            if (!keepAlways.contains(path.basename())) {
                delete(path);
                deleted.add(path);
            }
        }
        return deleted;
    }

    /**
     * Deletes the folders without a manifest whose archive time is before {@code cutoff}: the remains of writes
     * that died and of deletions that were interrupted after the manifest went.
     *
     * @return the folders removed, oldest first
     */
    public List<ArchivePath> sweepUnfinished(String appName, String appUid, Instant cutoff) {
        List<ArchivePath> swept = new ArrayList<>();
        for (ArchiveReader.Folder folder : reader.folders(appName, appUid)) {
            if (!folder.committed() && folder.path().createdAt().isBefore(cutoff)) {
                delete(folder.path());
                swept.add(folder.path());
            }
        }
        return swept;
    }

    /** Manifest first (the archive disappears for readers), then everything else under its folder. */
    public void delete(ArchivePath path) {
        store.delete(bucket, path.key(Manifest.OBJECT_NAME));
        ListRequest request = ListRequest.of(bucket).withPrefix(path.path() + "/");
        while (true) {
            ListPage page = store.list(request);
            for (ObjectInfo object : page.objects()) {
                store.delete(bucket, object.key());
            }
            if (!page.truncated()) {
                return;
            }
            request = request.withContinuationToken(page.nextContinuationToken());
        }
    }

    /** The last segment of a path or a basename as it is, trailing slash ignored. */
    private static String basenameOf(String archive) {
        String trimmed = archive.endsWith("/") ? archive.substring(0, archive.length() - 1) : archive;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
