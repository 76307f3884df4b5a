package io.mirrordrill.emulator.k8s;

import io.mirrordrill.port.etcd.EtcdException;
import io.mirrordrill.port.etcd.EtcdPort;
import io.mirrordrill.port.etcd.RestoreRequest;
import io.mirrordrill.port.etcd.RestoredMember;
import io.mirrordrill.sim.SimulationException;
import io.mirrordrill.sim.World;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The etcd members behind the emulated Kubernetes clusters of a world, and the etcd data directories restored on the
 * hosts of its sites. A cluster's keyspace is its API store ({@link KubernetesCluster}); a snapshot is that store's
 * objects and revision ({@link EtcdSnapshotCodec}); a restore writes a data directory at the caller's site, and
 * {@link #startCluster} brings a new cluster up over it, as {@code kubeadm init} does over {@code /var/lib/etcd}.
 */
public final class EtcdEmulator {
    /** A restored data directory: the member it was restored for and its keyspace. */
    private record DataDir(String member, SnapshotImage image) {
    }

    private final World world;
    private final Map<String, DataDir> dataDirs = new TreeMap<>();

    public EtcdEmulator(World world) {
        this.world = world;
    }

    /** {@code etcdctl --endpoints=<the cluster's member>} run on a host at {@code callerSite}. */
    public EtcdPort port(KubernetesCluster cluster, String callerSite) {
        requireSite(callerSite);
        return new EmulatedEtcdPort(this, cluster, callerSite);
    }

    /** {@code etcdctl} on a host at {@code callerSite} with no member to talk to: offline status and restore only. */
    public EtcdPort port(String callerSite) {
        requireSite(callerSite);
        return new EmulatedEtcdPort(this, null, callerSite);
    }

    /** Whether a host at the site has the data directory. */
    public boolean hasDataDir(String site, String dataDir) {
        return dataDirs.containsKey(site + ":" + dataDir);
    }

    /**
     * Brings up a cluster named {@code name} at {@code site} over a restored data directory there. The data directory
     * must have been restored for member {@code name} (kubeadm names the member after the node's hostname) and the
     * snapshot must come from a cluster of that name: the seed's "hostnames must be the same as the source cluster".
     */
    public KubernetesCluster startCluster(String name, String site, String dataDir) {
        DataDir dir = dataDirs.get(site + ":" + dataDir);
        if (dir == null) {
            throw new SimulationException("no etcd data dir " + dataDir + " at site " + site
                    + ": run etcdctl snapshot restore --data-dir " + dataDir + " on a host there first");
        }
        if (!dir.image().cluster().equals(name)) {
            throw new SimulationException("the etcd snapshot in " + dataDir + " is of cluster '" + dir.image().cluster()
                    + "': the restored cluster's node hostnames must be the same as the source cluster's, not '"
                    + name + "'");
        }
        if (!dir.member().equals(name)) {
            throw new SimulationException("etcd data dir " + dataDir + " was restored for member '" + dir.member()
                    + "', but the control-plane node is '" + name + "': restore with --name " + name);
        }
        return KubernetesCluster.restored(world, name, site, dir.image());
    }

    /**
     * The keys of a snapshot file and the uid of the object under each, in key order: what a checker compares a
     * restored cluster's keyspace with. Refuses a corrupt file as {@code restore} does.
     */
    public static SortedMap<String, String> keys(byte[] snapshotFile) {
        return keys(EtcdSnapshotCodec.verifiedImage(snapshotFile));
    }

    /** The same for a cluster's keyspace now. */
    public static SortedMap<String, String> keys(KubernetesCluster cluster) {
        return keys(cluster.store().image());
    }

    private static SortedMap<String, String> keys(SnapshotImage image) {
        SortedMap<String, String> keys = new TreeMap<>();
        image.entries().forEach(e -> keys.put(e.key(), e.object().path("metadata").path("uid").asText()));
        return keys;
    }

    RestoredMember restore(String site, byte[] file, RestoreRequest request) {
        if (hasDataDir(site, request.dataDir())) {
            throw new EtcdException(EtcdException.Reason.DATA_DIR_EXISTS, "data-dir \"" + request.dataDir()
                    + "\" exists");
        }
        SnapshotImage image = EtcdSnapshotCodec.verifiedImage(file);
        dataDirs.put(site + ":" + request.dataDir(), new DataDir(request.name(), image));
        world.record("etcd/" + site, "snapshot restore of " + image.cluster() + " rv=" + image.revision() + " into "
                + request.dataDir() + " for member " + request.name());
        return new RestoredMember(request.dataDir(), request.name(), EtcdSnapshotCodec.status(file));
    }

    World world() {
        return world;
    }

    private void requireSite(String site) {
        if (!world.network().hasSite(site)) {
            throw new SimulationException("unknown site '" + site + "'");
        }
    }
}
