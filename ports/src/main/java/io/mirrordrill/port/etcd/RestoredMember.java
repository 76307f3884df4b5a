package io.mirrordrill.port.etcd;

/**
 * A data directory {@link EtcdPort#restore} created: a member named {@code name} can be started over it.
 *
 * @param snapshot the status of the snapshot restored (its revision is the restored keyspace's)
 */
public record RestoredMember(String dataDir, String name, SnapshotStatus snapshot) {
}
