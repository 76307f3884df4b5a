package io.mirrordrill.port.element;

import java.time.Instant;

/**
 * A snapshot as {@code ListSnapshots} returns it. {@code checksum} identifies the data the snapshot holds (two
 * snapshots with equal data have equal checksums); {@code expirationTime} is null for a snapshot kept until
 * deleted; {@code scheduleName} is empty unless a schedule created it.
 */
public record SnapshotRecord(long snapshotID, long volumeID, String name, String checksum, String status,
                             long totalSize, Instant createTime, Instant expirationTime, String scheduleName) {
}
