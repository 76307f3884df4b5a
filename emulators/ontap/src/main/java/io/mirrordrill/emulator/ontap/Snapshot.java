package io.mirrordrill.emulator.ontap;

import io.mirrordrill.emulator.ontap.blocks.Image;
import io.mirrordrill.port.ontap.SnapshotRecord;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * A snapshot: a name, an identity and a frozen image. SnapMirror copies keep the uuid, which is how the newest
 * common snapshot of two volumes is recognised.
 */
final class Snapshot {
    static final String SNAPMIRROR_PREFIX = "snapmirror.";
    static final String OWNER_SNAPMIRROR = "snapmirror_dependent";

    final String uuid;
    final String name;
    final Instant createTime;
    /** Creation order across the emulator; replicas keep it. Snapshots taken in the same instant stay ordered. */
    final long sequence;
    final String comment;
    final String label;
    final Image image;
    final TreeSet<String> owners = new TreeSet<>();

    Snapshot(String uuid, String name, Instant createTime, String comment, String label, Image image,
                     long sequence) {
        this.sequence = sequence;
        this.uuid = uuid;
        this.name = name;
        this.createTime = createTime;
        this.comment = comment;
        this.label = label;
        this.image = image;
    }

    /** The copy a SnapMirror transfer leaves on the destination: same identity and image, no owners. */
    Snapshot replica() {
        return new Snapshot(uuid, name, createTime, comment, label, image, sequence);
    }

    /** Taken after {@code other}. */
    boolean isNewerThan(Snapshot other) {
        return sequence > other.sequence;
    }

    boolean isSnapMirror() {
        return name.startsWith(SNAPMIRROR_PREFIX);
    }

    SnapshotRecord record() {
        return new SnapshotRecord(uuid, name, createTime, comment, label, List.copyOf(owners), "valid",
                image.usedBytes());
    }
}
