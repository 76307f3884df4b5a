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
        writable().fs.write(file, offset, data);
    }

    public void append(String file, byte[] data) {
        writable().fs.append(file, data);
    }

    public void delete(String file) {
        writable().fs.delete(file);
    }

    public byte[] read(String file) {
        return readable().fs.read(file);
    }

    public byte[] read(String file, long offset, int length) {
        return readable().fs.read(file, offset, length);
    }

    public boolean exists(String file) {
        return readable().fs.exists(file);
    }

    public long size(String file) {
        return readable().fs.size(file);
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
