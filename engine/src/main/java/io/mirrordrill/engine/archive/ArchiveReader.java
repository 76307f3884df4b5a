package io.mirrordrill.engine.archive;

import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.S3Errors;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads committed archives from a vault's bucket. An archive without a manifest does not exist for a reader; a
 * committed one is returned only after every object the manifest lists was read and matched its checksum and size.
 */
public final class ArchiveReader {
    private final ObjectStorePort store;
    private final String bucket;
    private final int pageSize;

    public ArchiveReader(ObjectStorePort store, String bucket) {
        this(store, bucket, ListRequest.MAX_KEYS);
    }

    /** @param pageSize keys per listing request (S3 caps it at 1000) */
    public ArchiveReader(ObjectStorePort store, String bucket, int pageSize) {
        this.store = store;
        this.bucket = bucket;
        this.pageSize = pageSize;
    }

    /** The committed archives of an application, oldest first. Folders not named like archives are ignored. */
    public List<ArchivePath> list(String appName, String appUid) {
        return folders(appName, appUid).stream().filter(Folder::committed).map(Folder::path).toList();
    }

    /**
     * The application UIDs that have a folder under {@code <appName>_} in the bucket, sorted: one listing with a
     * delimiter. An application deleted and created again under the same name has a second UID here.
     */
    public List<String> uids(String appName) {
        String prefix = appName + "_";
        ArchivePath.snapshotsPrefix(appName, "0"); // refuses a name that could leave the prefix
        Set<String> uids = new TreeSet<>();
        ListRequest request = ListRequest.of(bucket).withPrefix(prefix).withDelimiter("/").withMaxKeys(pageSize);
        while (true) {
            ListPage page = store.list(request);
            for (String common : page.commonPrefixes()) {
                if (!common.startsWith(prefix) || !common.endsWith("/")) {
                    continue;
                }
                String uid = common.substring(prefix.length(), common.length() - 1);
                try {
                    ArchivePath.snapshotsPrefix(appName, uid);
                    uids.add(uid);
                } catch (ArchivePathException notAnArchiveFolder) {
                    // a folder not of the layout: not an application's
                }
            }
            if (!page.truncated()) {
                return List.copyOf(uids);
            }
            request = request.withContinuationToken(page.nextContinuationToken());
        }
    }

    /** An archive folder and whether it holds a manifest. */
    record Folder(ArchivePath path, boolean committed) {}

    /**
     * Every archive folder of an application, oldest first. One flat listing of the application's prefix, page by
     * page: a few requests per thousand objects instead of one per archive. Basenames sort like their paths.
     */
    List<Folder> folders(String appName, String appUid) {
        String prefix = ArchivePath.snapshotsPrefix(appName, appUid);
        Map<String, Folder> folders = new TreeMap<>();
        Set<String> foreign = new TreeSet<>();
        ListRequest request = ListRequest.of(bucket).withPrefix(prefix).withMaxKeys(pageSize);
        while (true) {
            ListPage page = store.list(request);
            for (ObjectInfo object : page.objects()) {
                String rest = object.key().substring(prefix.length());
                int slash = rest.indexOf('/');
                String basename = slash < 0 ? null : rest.substring(0, slash);
                if (basename == null || foreign.contains(basename)) {
                    continue;
                }
                boolean manifest = rest.substring(slash + 1).equals(Manifest.OBJECT_NAME);
                Folder known = folders.get(basename);
                if (known != null) {
                    folders.put(basename, new Folder(known.path(), known.committed() || manifest));
                } else {
                    ArchivePath path = archiveOrNull(appName, appUid, basename);
                    if (path == null) {
                        foreign.add(basename);
                    } else {
                        folders.put(basename, new Folder(path, manifest));
                    }
                }
            }
            if (!page.truncated()) {
                return List.copyOf(folders.values());
            }
            request = request.withContinuationToken(page.nextContinuationToken());
        }
    }

    /** The manifest of a committed archive; {@link ArchiveNotFoundException} when there is none. */
    public Manifest manifest(ArchivePath path) {
        return ArchiveFormat.parseManifest(path, fetch(path, Manifest.OBJECT_NAME, null));
    }

    /** A committed archive, every object verified; corruption is a {@link CorruptArchiveException}. */
    public Archive read(ArchivePath path) {
        Manifest manifest = manifest(path);
        SortedMap<String, byte[]> parts = new TreeMap<>();
        for (Manifest.Entry entry : manifest.objects()) {
            byte[] bytes = fetch(path, entry.name(), entry);
            String actual = ArchiveFormat.sha256(bytes);
            if (!actual.equals(entry.sha256()) || bytes.length != entry.size()) {
                throw new CorruptArchiveException(path.path(), path.key(entry.name()), entry.sha256(), actual,
                        "does not match the manifest (" + bytes.length + " bytes, manifest says " + entry.size()
                                + ")");
            }
            parts.put(entry.name(), bytes);
        }
        for (String part : ArchiveFormat.PARTS) {
            if (!parts.containsKey(part)) {
                throw new CorruptArchiveException(path.path(), path.key(part), null, null,
                        "is not listed in the manifest");
            }
        }
        return new Archive(manifest, ArchiveFormat.deserialize(path, parts), parts);
    }

    /**
     * The capture staged for an archive ({@link ArchiveWriter#stageCapture}), committed or not; empty while
     * {@value ArchiveFormat#RESOURCES} is not there. Nothing is verified against a manifest, which may not exist yet.
     */
    public Optional<StagedCapture> capture(ArchivePath path) {
        Optional<byte[]> resources = fetchIfThere(path, ArchiveFormat.RESOURCES);
        if (resources.isEmpty()) {
            return Optional.empty();
        }
        // namespaces.json is staged first, so it is there whenever resources.json is
        byte[] namespaces = fetchIfThere(path, ArchiveFormat.NAMESPACES).orElseThrow(() -> new CorruptArchiveException(
                path.path(), path.key(ArchiveFormat.NAMESPACES), null, null, "is missing from a staged capture"));
        return Optional.of(ArchiveFormat.capture(path, Map.of(ArchiveFormat.RESOURCES, resources.get(),
                ArchiveFormat.NAMESPACES, namespaces)));
    }

    private Optional<byte[]> fetchIfThere(ArchivePath path, String name) {
        try {
            return Optional.of(store.get(bucket, path.key(name)).bytes());
        } catch (ObjectStoreException e) {
            if (S3Errors.NO_SUCH_KEY.equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** @param entry null for the manifest itself, whose absence means "not committed" rather than corrupt */
    private byte[] fetch(ArchivePath path, String name, Manifest.Entry entry) {
        try {
            return store.get(bucket, path.key(name)).bytes();
        } catch (ObjectStoreException e) {
            if (!S3Errors.NO_SUCH_KEY.equals(e.code())) {
                throw e;
            }
            if (entry == null) {
                throw new ArchiveNotFoundException(path.path(), bucket);
            }
            throw new CorruptArchiveException(path.path(), path.key(name), entry.sha256(), null, "is missing");
        }
    }

    private static ArchivePath archiveOrNull(String appName, String appUid, String basename) {
        try {
            return ArchivePath.fromBasename(appName, appUid, basename, "bucket listing");
        } catch (ArchivePathException e) {
            return null;
        }
    }
}
