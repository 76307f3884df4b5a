package io.mirrordrill.emulator.element;

import io.mirrordrill.emulator.ontap.blocks.FileSystem;
import io.mirrordrill.port.element.Qos;
import io.mirrordrill.port.element.VolumeAccess;
import io.mirrordrill.port.element.VolumeRecord;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * A volume: its settings and its data. The data is the filesystem the host keeps on the LUN, held as the ONTAP
 * emulator's block filesystem, so a snapshot or a rollback is O(1) whatever the volume's size.
 */
final class Volume {
    static final long BLOCK_SIZE = 4096;

    final long id;
    final String name;
    final Instant createTime;
    final boolean enable512e;
    final String iqn;
    final FileSystem data;
    final TreeSet<Long> accessGroups = new TreeSet<>();
    long accountID;
    VolumeAccess access = VolumeAccess.READ_WRITE;
    Qos qos;
    long totalSize;
    Instant deleteTime;
    Instant purgeTime;

    Volume(long id, String name, long accountID, Instant createTime, boolean enable512e, String iqn, Qos qos,
           long totalSize) {
        this.id = id;
        this.name = name;
        this.accountID = accountID;
        this.createTime = createTime;
        this.enable512e = enable512e;
        this.iqn = iqn;
        this.qos = qos;
        this.totalSize = totalSize;
        this.data = new FileSystem(totalSize);
    }

    boolean deleted() {
        return deleteTime != null;
    }

    VolumeRecord record() {
        return new VolumeRecord(id, name, accountID, createTime, deleted() ? "deleted" : "active", access, enable512e,
                iqn, qos, List.copyOf(accessGroups), totalSize, BLOCK_SIZE, deleteTime, purgeTime);
    }
}
