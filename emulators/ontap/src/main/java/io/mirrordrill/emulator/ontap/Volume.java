package io.mirrordrill.emulator.ontap;

import io.mirrordrill.emulator.ontap.blocks.FileSystem;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.VolumeRecord;
import io.mirrordrill.port.ontap.VolumeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A FlexVol: a live filesystem plus its snapshots, oldest first. */
final class Volume {
    final String uuid;
    final String name;
    final Svm svm;
    final long msid;
    final Instant createTime;
    final FileSystem fs;
    long size;
    VolumeType type;
    String state = "online";
    String snapshotPolicy;
    /** Whether clients see the {@code .snapshot} directory ({@code snapshot_directory_access_enabled}). */
    boolean snapdirAccess;
    /** Counts policy changes: a schedule chain of an earlier policy stops at its next turn. */
    int policyGeneration;
    /** A DP volume holds no data until its baseline transfer; it cannot be mounted before. */
    boolean initialized;
    final List<Snapshot> snapshots = new ArrayList<>();

    Volume(String uuid, String name, Svm svm, long msid, long size, VolumeType type, String snapshotPolicy,
           Instant createTime) {
        this.uuid = uuid;
        this.name = name;
        this.svm = svm;
        this.msid = msid;
        this.size = size;
        this.type = type;
        this.snapshotPolicy = snapshotPolicy;
        this.createTime = createTime;
        this.fs = new FileSystem(size);
        this.initialized = type != VolumeType.DP;
    }

    String path() {
        return svm.name + ":" + name;
    }

    Optional<Snapshot> snapshot(String name) {
        return snapshots.stream().filter(s -> s.name.equals(name)).findFirst();
    }

    Optional<Snapshot> snapshotByUuid(String uuid) {
        return snapshots.stream().filter(s -> s.uuid.equals(uuid)).findFirst();
    }

    Snapshot requireSnapshot(String name) {
        return snapshot(name).orElseThrow(() -> new OntapException(404, OntapErrors.SNAPSHOT_NOT_FOUND,
                "Snapshot copy \"" + name + "\" does not exist on volume \"" + path() + "\".", "name"));
    }

    /** Returns the volume to a snapshot: later data and newer snapshots are discarded. */
    void rollBackTo(Snapshot snapshot) {
        fs.load(snapshot.image);
        snapshots.removeIf(s -> s.isNewerThan(snapshot));
    }

    VolumeRecord record(boolean isProtected) {
        return new VolumeRecord(uuid, name, svm.name, size, type, state, createTime, snapshotPolicy, isProtected,
                fs.usedBlocks() * 4096, svm.uuid);
    }
}
