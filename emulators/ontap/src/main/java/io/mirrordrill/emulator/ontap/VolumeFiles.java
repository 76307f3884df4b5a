package io.mirrordrill.emulator.ontap;

import io.mirrordrill.emulator.ontap.blocks.DataPathException;
import io.mirrordrill.emulator.ontap.blocks.DataPathException.Reason;
import io.mirrordrill.port.ontap.SvmState;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.sim.World;

import java.util.SortedSet;

/**
 * A client's mount of one volume. Each call checks what a real client would run into: the network from the client's
 * site, the SVM running, the volume online and initialized, and for writes a read-write volume (a DP volume is
 * read-only until a SnapMirror break).
 */
public final class VolumeFiles {
    private final World world;
    private final OntapCluster cluster;
    private final String svm;
    private final String volume;
    private final String clientSite;

    VolumeFiles(World world, OntapCluster cluster, String svm, String volume, String clientSite) {
        this.world = world;
        this.cluster = cluster;
        this.svm = svm;
        this.volume = volume;
        this.clientSite = clientSite;
    }

    public String path() {
        return svm + ":" + volume;
    }

    public void write(String file, long offset, byte[] data) {
        writable(file).fs.write(file, offset, data);
    }

    public void append(String file, byte[] data) {
        writable(file).fs.append(file, data);
    }

    public void delete(String file) {
        writable(file).fs.delete(file);
    }

    public byte[] read(String file) {
        return files(file).read(inner(file));
    }

    public byte[] read(String file, long offset, int length) {
        return files(file).read(inner(file), offset, length);
    }

    public boolean exists(String file) {
        Volume v = readable();
        if (!file.startsWith(SNAPSHOT_DIR)) {
            return v.fs.exists(file);
        }
        int slash = file.indexOf('/', SNAPSHOT_DIR.length());
        return v.snapdirAccess && slash > 0 && snapshot(v, file.substring(SNAPSHOT_DIR.length(), slash)) != null
                && files(file).exists(inner(file));
    }

    public long size(String file) {
        return files(file).size(inner(file));
    }

    /** Where {@code .snapshot/NAME/...} reads a snapshot's files: only when the volume shows the directory. */
    private static final String SNAPSHOT_DIR = ".snapshot/";

    /** The file system a path is in: the volume's, or a snapshot's (read-only) under {@code .snapshot/NAME/}. */
    private io.mirrordrill.emulator.ontap.blocks.FileSystem files(String file) {
        Volume v = readable();
        if (!file.startsWith(SNAPSHOT_DIR)) {
            return v.fs;
        }
        int slash = file.indexOf('/', SNAPSHOT_DIR.length());
        Snapshot s = !v.snapdirAccess || slash < 0 ? null : snapshot(v, file.substring(SNAPSHOT_DIR.length(), slash));
        if (s == null) {
            throw new DataPathException(Reason.NOT_FOUND, path() + ": " + file + ": No such file or directory");
        }
        io.mirrordrill.emulator.ontap.blocks.FileSystem view = new io.mirrordrill.emulator.ontap.blocks.FileSystem(
                v.size);
        view.load(s.image);
        return view;
    }

    private static String inner(String file) {
        return file.startsWith(SNAPSHOT_DIR) ? file.substring(file.indexOf('/', SNAPSHOT_DIR.length()) + 1) : file;
    }

    private static Snapshot snapshot(Volume v, String name) {
        return v.snapshots.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
    }

    private Volume writable(String file) {
        Volume v = writable();
        if (file.startsWith(SNAPSHOT_DIR)) {
            throw new DataPathException(Reason.READ_ONLY, path() + ": " + file + ": Read-only file system");
        }
        return v;
    }

    public SortedSet<String> list() {
        return readable().fs.list();
    }

    /** Whether writes would be accepted now (no exception thrown). */
    public boolean isWritable() {
        try {
            writable();
            return true;
        } catch (DataPathException e) {
            return false;
        }
    }

    private Volume readable() {
        if (!world.network().reachable(clientSite, cluster.site)) {
            throw new DataPathException(Reason.UNREACHABLE, path() + ": cluster " + cluster.name
                    + " not reachable from site " + clientSite);
        }
        Svm s = cluster.svms.get(svm);
        if (s == null || !s.volumes.containsKey(volume)) {
            throw new DataPathException(Reason.NOT_FOUND, path() + ": no such volume on cluster " + cluster.name);
        }
        if (s.state != SvmState.RUNNING) {
            throw new DataPathException(Reason.UNREACHABLE, path() + ": SVM " + svm + " is " + s.state.rest());
        }
        Volume v = s.volumes.get(volume);
        if (!v.state.equals("online")) {
            throw new DataPathException(Reason.UNREACHABLE, path() + ": volume is " + v.state);
        }
        if (!v.initialized) {
            throw new DataPathException(Reason.UNREACHABLE, path()
                    + ": cannot mount an uninitialized DP volume (ONTAP 917536)");
        }
        return v;
    }

    private Volume writable() {
        Volume v = readable();
        if (v.type != VolumeType.RW) {
            throw new DataPathException(Reason.READ_ONLY, path() + ": read-only file system (volume type "
                    + v.type.rest() + ")");
        }
        return v;
    }
}
