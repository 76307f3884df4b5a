package io.mirrordrill.emulator.ontap;

import io.mirrordrill.port.ontap.TransferRecord;
import io.mirrordrill.port.ontap.TransferState;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One SnapMirror transfer: the snapshots it carries per volume pair, its size, and its outcome. */
final class Transfer {
    /** What moves from one source volume to one destination volume; {@code created} is SnapMirror's own snapshot. */
    record Leg(Volume source, Volume destination, List<Snapshot> snapshots, Snapshot created) {}

    final String uuid;
    final String type;
    final Instant start;
    final List<Leg> legs;
    final long bytes;
    TransferState state = TransferState.TRANSFERRING;
    Instant end;
    String errorCode;
    String errorMessage;
    World.Timer completion;

    Transfer(String uuid, String type, Instant start, List<Leg> legs, long bytes) {
        this.uuid = uuid;
        this.type = type;
        this.start = start;
        this.legs = legs;
        this.bytes = bytes;
    }

    boolean isRunning() {
        return state.isRunning();
    }

    /** The newest snapshot the transfer carries: what the destination shows once it succeeds. */
    String snapshotName() {
        return legs.isEmpty() ? null : legs.get(0).created().name;
    }

    TransferRecord record(String relationshipUuid) {
        boolean done = end != null;
        return new TransferRecord(uuid, relationshipUuid, type, state, state == TransferState.SUCCESS ? bytes : 0,
                start, end, done ? Duration.between(start, end) : null, snapshotName(), errorCode, errorMessage);
    }
}
