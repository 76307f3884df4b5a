package io.mirrordrill.emulator.element;

import io.mirrordrill.emulator.ontap.blocks.Image;
import io.mirrordrill.port.element.SnapshotRecord;
import io.mirrordrill.sim.World;

import java.time.Instant;

/** A point-in-time image of one volume's data, and the timer that deletes it when its retention runs out. */
final class Snapshot {
    final long id;
    final long volumeID;
    final String name;
    final Image image;
    final String checksum;
    final long totalSize;
    final Instant createTime;
    final Instant expirationTime;
    final String scheduleName;
    World.Timer expiry;

    Snapshot(long id, long volumeID, String name, Image image, String checksum, long totalSize, Instant createTime,
             Instant expirationTime, String scheduleName) {
        this.id = id;
        this.volumeID = volumeID;
        this.name = name;
        this.image = image;
        this.checksum = checksum;
        this.totalSize = totalSize;
        this.createTime = createTime;
        this.expirationTime = expirationTime;
        this.scheduleName = scheduleName;
    }

    SnapshotRecord record() {
        return new SnapshotRecord(id, volumeID, name, checksum, "done", totalSize, createTime, expirationTime,
                scheduleName);
    }
}
