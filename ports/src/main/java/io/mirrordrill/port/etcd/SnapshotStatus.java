package io.mirrordrill.port.etcd;

/**
 * What {@code etcdctl snapshot status -w json} reports: {@code {"hash","revision","totalKey","totalSize"}}.
 *
 * @param hash      a 32-bit checksum of the snapshot's contents (unsigned)
 * @param revision  the keyspace revision the snapshot was taken at
 * @param totalKeys the keys the snapshot's database holds (for a real etcd including MVCC history and its own
 *                  bookkeeping keys, so compare counts between snapshots rather than with what was written)
 * @param totalSize the size of the snapshot's database in bytes
 */
public record SnapshotStatus(long hash, long revision, long totalKeys, long totalSize) {
    public SnapshotStatus {
        if (hash < 0 || hash > 0xffff_ffffL || revision < 0 || totalKeys < 0 || totalSize < 0) {
            throw new IllegalArgumentException("not a snapshot status: hash=" + hash + " revision=" + revision
                    + " totalKeys=" + totalKeys + " totalSize=" + totalSize);
        }
    }

    /** The hash as {@code etcdctl snapshot status -w table} prints it, e.g. {@code c7fa26f0}. */
    public String hashHex() {
        return String.format("%08x", hash);
    }
}
