package io.mirrordrill.emulator.element;

import io.mirrordrill.emulator.ontap.blocks.DataPathException;
import io.mirrordrill.emulator.ontap.blocks.DataPathException.Reason;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.element.VolumeAccess;

import java.util.SortedSet;

/**
 * A host's view of one volume, logged in over iSCSI with a filesystem on the LUN. Each call checks what the host
 * would run into: the network to the cluster, the volume existing, and for writes {@code readWrite} access.
 */
public final class VolumeData {
    private final ElementEmulator emulator;
    private final ElementCluster cluster;
    private final long volumeID;
    private final String hostSite;

    VolumeData(ElementEmulator emulator, ElementCluster cluster, long volumeID, String hostSite) {
        this.emulator = emulator;
        this.cluster = cluster;
        this.volumeID = volumeID;
        this.hostSite = hostSite;
    }

    public void write(String file, long offset, byte[] data) {
        writable().data.write(file, offset, data);
    }

    public void append(String file, byte[] data) {
        writable().data.append(file, data);
    }

    /** Replaces the whole file with {@code data}, creating it when missing. */
    public void replace(String file, byte[] data) {
        Volume volume = writable();
        if (volume.data.exists(file)) {
            volume.data.delete(file);
        }
        volume.data.write(file, 0, data);
    }

    public void delete(String file) {
        writable().data.delete(file);
    }

    public byte[] read(String file) {
        return readable().data.read(file);
    }

    /** {@code dd skip=offset count=length}: part of a file. */
    public byte[] read(String file, long offset, int length) {
        return readable().data.read(file, offset, length);
    }

    public long size(String file) {
        return readable().data.size(file);
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

    /** {@code <cluster>/<volumeID>}: where the data lives, for messages. */
    public String path() {
        return cluster.name + "/" + volumeID;
    }

    public boolean exists(String file) {
        return readable().data.exists(file);
    }

    public SortedSet<String> list() {
        return readable().data.list();
    }

    private Volume readable() {
        try {
            emulator.checkReachable(cluster, hostSite);
        } catch (UnreachableException e) {
            throw new DataPathException(Reason.UNREACHABLE, e.getMessage());
        }
        Volume volume = cluster.volumes.get(volumeID);
        if (volume == null || volume.deleted()) {
            throw new DataPathException(Reason.NOT_FOUND, "volume " + volumeID + " of " + cluster.name
                    + " does not exist");
        }
        return volume;
    }

    private Volume writable() {
        Volume volume = readable();
        if (volume.access != VolumeAccess.READ_WRITE) {
            throw new DataPathException(Reason.READ_ONLY, "volume " + volumeID + " of " + cluster.name + " is "
                    + volume.access.wire());
        }
        return volume;
    }
}
