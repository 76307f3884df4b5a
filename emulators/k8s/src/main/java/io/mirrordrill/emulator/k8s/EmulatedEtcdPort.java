package io.mirrordrill.emulator.k8s;

import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.etcd.EtcdException;
import io.mirrordrill.port.etcd.EtcdPort;
import io.mirrordrill.port.etcd.RestoreRequest;
import io.mirrordrill.port.etcd.RestoredMember;
import io.mirrordrill.port.etcd.SavedSnapshot;
import io.mirrordrill.port.etcd.SnapshotStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@link EtcdPort} as an etcdctl at {@code callerSite} sees it: {@code save} asks the member behind a cluster (and
 * needs a route to its site), {@code status} and {@code restore} only read the snapshot and write a data directory
 * on the caller's host, so they work with every member gone.
 */
final class EmulatedEtcdPort implements EtcdPort {
    private final EtcdEmulator etcd;
    private final KubernetesCluster member;
    private final String callerSite;

    EmulatedEtcdPort(EtcdEmulator etcd, KubernetesCluster member, String callerSite) {
        this.etcd = etcd;
        this.member = member;
        this.callerSite = callerSite;
    }

    @Override
    public SavedSnapshot save(OutputStream out) {
        if (member == null) {
            throw new UnreachableException("etcd", "no --endpoints given and no member on the caller's host");
        }
        if (!etcd.world().network().reachable(callerSite, member.site())) {
            throw new UnreachableException(endpoint(), "context deadline exceeded: no route from site " + callerSite
                    + " to site " + member.site());
        }
        byte[] snapshot = EtcdSnapshotCodec.encode(member.store().image());
        SnapshotStatus status = EtcdSnapshotCodec.status(snapshot);
        try {
            out.write(snapshot);
        } catch (IOException e) {
            throw new EtcdException(EtcdException.Reason.IO, "snapshot save from " + endpoint() + ": " + e, e);
        }
        etcd.world().record(endpoint(), "snapshot save to site " + callerSite + " rv=" + status.revision() + " keys="
                + status.totalKeys() + " hash=" + status.hashHex());
        return new SavedSnapshot(snapshot.length, status);
    }

    @Override
    public SnapshotStatus status(InputStream snapshot) {
        return EtcdSnapshotCodec.status(readAll(snapshot, "snapshot status"));
    }

    @Override
    public RestoredMember restore(InputStream snapshot, RestoreRequest request) {
        byte[] file = readAll(snapshot, "snapshot restore");
        return etcd.restore(callerSite, file, request);
    }

    private String endpoint() {
        return "etcd/" + member.name();
    }

    private static byte[] readAll(InputStream in, String operation) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EtcdException(EtcdException.Reason.IO, operation + ": cannot read the snapshot: " + e, e);
        }
    }
}
