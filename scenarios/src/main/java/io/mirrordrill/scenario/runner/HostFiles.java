package io.mirrordrill.scenario.runner;

import io.mirrordrill.emulator.ontap.VolumeFiles;
import io.mirrordrill.emulator.ontap.blocks.DataPathException;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The administrators' hosts, one per site: what is mounted where ({@code mount -t nfs}) and the files on their local
 * disks. A host goes down with its site; its local files come back with it.
 */
final class HostFiles {
    private record Mounted(String cluster, String svm, String volume) {
        String describe() {
            return cluster + "/" + svm + "/" + volume;
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
        Mounted m = new Mounted(v[0], v[1], v[2]);
        try {
            files(site, m).list();
        } catch (DataPathException e) {
            throw new StepFailure("mount.nfs: " + v[1] + ":/" + v[2] + " on " + path + " at site " + site
                    + " failed: " + e.getMessage(), "the volume must exist, be online and reachable from " + site
                    + " (an uninitialized mirror or a stopped SVM cannot be mounted)");
        }
        mounts.computeIfAbsent(site, s -> new TreeMap<>()).put(path, m);
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
        try {
            return files(site, m.get().getValue()).read(relative);
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
        try {
            VolumeFiles files = files(site, m.get().getValue());
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
