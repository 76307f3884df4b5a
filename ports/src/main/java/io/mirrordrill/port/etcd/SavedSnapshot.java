package io.mirrordrill.port.etcd;

/**
 * The result of {@link EtcdPort#save}: the bytes written and the snapshot's status.
 *
 * @param size the snapshot's length in bytes, integrity hash included
 */
public record SavedSnapshot(long size, SnapshotStatus status) {
    public long revision() {
        return status.revision();
    }

    public long hash() {
        return status.hash();
    }
}
