package io.mirrordrill.emulator.ontap;

import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.OntapConnector;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.sim.SimulationException;
import io.mirrordrill.sim.World;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * All emulated ONTAP clusters of one {@link World}, SnapMirror between them, and the client data path. Each cluster
 * lives at a site; a port or data path is always obtained for a caller's site, and fails as the network dictates.
 *
 * <p>Like the world, the emulator is single-threaded. {@link #lock()} is the one lock that the ONTAP REST servers of
 * its clusters take around every request; any other thread touching the emulator or its world while a server runs
 * (advancing time, writing data, injecting faults) must take it too. It is the world's lock ({@link World#lock()}),
 * shared with the servers of the world's other emulators.
 */
public final class OntapEmulator {
    private final World world;
    private final Map<String, OntapCluster> clusters = new TreeMap<>();
    private final SnapMirror snapMirror;
    private final Peering peering;
    private long snapshotSequence;

    public OntapEmulator(World world) {
        this.world = world;
        this.snapMirror = new SnapMirror(world, this);
        this.peering = new Peering(world, this);
    }

    public World world() {
        return world;
    }

    /** The one lock serialising server threads against the single-threaded emulator and its world: the world's. */
    public ReentrantLock lock() {
        return world.lock();
    }

    public OntapCluster addCluster(String name, String site) {
        if (clusters.containsKey(name)) {
            throw new SimulationException("ONTAP cluster " + name + " already exists");
        }
        world.network().site(site);
        OntapCluster cluster = new OntapCluster(world, this, name, site);
        clusters.put(name, cluster);
        world.record("ontap/" + name, "cluster added at site " + site);
        return cluster;
    }

    /** The names of every cluster, in name order. */
    public List<String> clusterNames() {
        return List.copyOf(clusters.keySet());
    }

    /** The cluster itself, bypassing the network: for setting up a world and for assertions. */
    public OntapCluster cluster(String name) {
        OntapCluster cluster = clusters.get(name);
        if (cluster == null) {
            throw new OntapException(404, OntapErrors.NOT_FOUND, "Cluster \"" + name + "\" not found; known: "
                    + clusters.keySet(), "cluster.name");
        }
        return cluster;
    }

    /**
     * The management API of {@code cluster} as seen from {@code callerSite}: every call first checks that the site
     * can reach the cluster, and throws {@link UnreachableException} otherwise.
     */
    public OntapPort port(String cluster, String callerSite) {
        OntapCluster target = cluster(cluster);
        world.network().site(callerSite);
        return new ReachablePort(world, callerSite, target);
    }

    /**
     * Connects by management LIF as an engine at {@code callerSite} does: the emulator's management LIF of a cluster
     * is its name.
     */
    public OntapConnector connector(String callerSite) {
        return managementLif -> port(managementLif, callerSite);
    }

    /** Client (NFS) access to a volume's files from a host at {@code clientSite}. */
    public VolumeFiles files(String cluster, String svm, String volume, String clientSite) {
        return new VolumeFiles(world, cluster(cluster), svm, volume, clientSite);
    }

    /**
     * {@code volume modify -size}, as Trident's ontap-nas driver grows a volume when its claim is expanded: the new
     * size in bytes, never smaller than the current one.
     */
    public void resizeVolume(String cluster, String svm, String volume, long bytes) {
        cluster(cluster).resize(svm, volume, bytes);
    }

    /** Shortcut to create an SVM at once, without a job: world set-up for drills and tests. */
    public void addSvm(String cluster, String svm, SvmSubtype subtype) {
        cluster(cluster).addSvm(svm, subtype);
    }

    /** The next snapshot creation number (see {@code Snapshot.sequence}). */
    long nextSnapshotSequence() {
        return ++snapshotSequence;
    }

    SnapMirror snapMirror() {
        return snapMirror;
    }

    Peering peering() {
        return peering;
    }

    Svm resolvePeerSvm(Svm local, String name) {
        return peering.resolve(local, name);
    }

    Optional<Svm> findSvm(String name) {
        return clusters.values().stream().map(c -> c.svms.get(name)).filter(s -> s != null).findFirst();
    }

    Optional<OntapCluster> clusterByAddress(String address) {
        return clusters.values().stream().filter(c -> c.interclusterAddress.equals(address)).findFirst();
    }
}
