package io.mirrordrill.scenario.runner;

import io.mirrordrill.emulator.ontap.VolumeFiles;
import io.mirrordrill.emulator.ontap.blocks.DataPathException;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.objectstore.ObjectStoreException;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The administrators' hosts, one per site: what is mounted where ({@code mount -t nfs}) and the files on their local
 * disks. A host goes down with its site; its local files come back with it.
 */
final class HostFiles {
    /** An ONTAP volume over NFS, or (with {@code host}) a bucket through Mountpoint for Amazon S3. */
    private record Mounted(String cluster, String svm, String volume, String host, String bucket) {
        String describe() {
            return host != null ? "s3://" + bucket + " at " + host : cluster + "/" + svm + "/" + volume;
        }
    }

    private final Estate estate;
    /** site -> mount path -> volume. */
    private final Map<String, Map<String, Mounted>> mounts = new TreeMap<>();
    /** site:path -> contents. */
    private final Map<String, byte[]> local = new TreeMap<>();

    HostFiles(Estate estate) {
        this.estate = estate;
    }

    /** {@code mount -t nfs}: refused as mount.nfs refuses when the volume cannot be reached or is not there. */
    void mount(String site, String volume, String path) {
        up(site);
        String[] v = volume.split("/");
        Mounted m = new Mounted(v[0], v[1], v[2], null, null);
        try {
            files(site, m).list();
        } catch (DataPathException e) {
            throw new StepFailure("mount.nfs: " + v[1] + ":/" + v[2] + " on " + path + " at site " + site
                    + " failed: " + e.getMessage(), "the volume must exist, be online and reachable from " + site
                    + " (an uninitialized mirror or a stopped SVM cannot be mounted)");
        }
        mounts.computeIfAbsent(site, s -> new TreeMap<>()).put(path, m);
    }

    /** {@code mount-s3 BUCKET PATH}: refused as mount-s3 refuses a bucket it cannot reach or does not find. */
    void mountBucket(String site, String hostAndBucket, String path) {
        up(site);
        String[] b = hostAndBucket.split("/");
        try {
            if (!estate.store(b[0]).port(site).bucketExists(b[1])) {
                throw new StepFailure("mount-s3: bucket " + b[1] + " does not exist at " + b[0],
                        "mount a bucket of the world's object stores");
            }
        } catch (ObjectStoreException | UnreachableException e) {
            throw new StepFailure("mount-s3: " + b[1] + " at " + b[0] + " from site " + site + ": " + e.getMessage(),
                    "the object store must be reachable from " + site);
        }
        mounts.computeIfAbsent(site, s -> new TreeMap<>()).put(path, new Mounted(null, null, null, b[0], b[1]));
    }

    byte[] read(String site, String path) {
        up(site);
        Optional<Map.Entry<String, Mounted>> m = mountOf(site, path);
        if (m.isEmpty()) {
            byte[] data = local.get(site + ":" + path);
            if (data == null) {
                throw new StepFailure("open " + path + ": no such file or directory (host at " + site + ")",
                        "write the file there first, or mount the volume that holds it");
            }
            return data;
        }
        String relative = relative(m.get().getKey(), path);
        Mounted mounted = m.get().getValue();
        if (mounted.host() != null) {
            try {
                return estate.store(mounted.host()).port(site).get(mounted.bucket(), relative, null).bytes();
            } catch (ObjectStoreException | UnreachableException e) {
                throw new StepFailure("open " + path + " (" + mounted.describe() + "): " + e.getMessage(),
                        "the object must be in the mounted bucket, which must be reachable");
            }
        }
        try {
            return files(site, mounted).read(relative);
        } catch (DataPathException e) {
            throw new StepFailure("open " + path + " (" + m.get().getValue().describe() + "): " + e.getMessage(),
                    "the file must be on the mounted volume, which must be reachable");
        }
    }

    /** Writes a whole file (a new file replaces the old, as etcdctl's rename of {@code <file>.part} does). */
    void write(String site, String path, byte[] data) {
        up(site);
        Optional<Map.Entry<String, Mounted>> m = mountOf(site, path);
        if (m.isEmpty()) {
            local.put(site + ":" + path, data.clone());
            return;
        }
        String relative = relative(m.get().getKey(), path);
        Mounted mounted = m.get().getValue();
        if (mounted.host() != null) {
            try {
                estate.store(mounted.host()).port(site).put(mounted.bucket(), relative, data.clone());
                return;
            } catch (ObjectStoreException | UnreachableException e) {
                throw new StepFailure("write " + path + " (" + mounted.describe() + "): " + e.getMessage(),
                        "the bucket must be reachable");
            }
        }
        try {
            VolumeFiles files = files(site, mounted);
            if (files.exists(relative)) {
                files.delete(relative);
            }
            files.write(relative, 0, data);
        } catch (DataPathException e) {
            throw new StepFailure("write " + path + " (" + m.get().getValue().describe() + "): " + e.getMessage(),
                    "mount a read-write volume there");
        }
    }

    private VolumeFiles files(String site, Mounted m) {
        return estate.sim().ontap().files(m.cluster(), m.svm(), m.volume(), site);
    }

    private Optional<Map.Entry<String, Mounted>> mountOf(String site, String path) {
        return mounts.getOrDefault(site, Map.of()).entrySet().stream()
                .filter(e -> path.startsWith(e.getKey().endsWith("/") ? e.getKey() : e.getKey() + "/"))
                .reduce((a, b) -> a.getKey().length() >= b.getKey().length() ? a : b);
    }

    private static String relative(String mountPath, String path) {
        return path.substring(mountPath.length()).replaceFirst("^/+", "");
    }

    private void up(String site) {
        if (!estate.world().network().isSiteUp(site)) {
            throw new StepFailure("the host at site " + site + " is down with its site",
                    "run it on a host at a site that is up");
        }
    }
}
