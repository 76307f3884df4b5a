package io.mirrordrill.scenario.world;

import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.emulator.s3.S3Endpoints;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.EngineSettings;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.sim.SimulationException;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A whole simulated estate in one deterministic {@link World}: sites and links, ONTAP clusters with SVMs and peers,
 * S3 endpoints with buckets, and Kubernetes clusters with Trident. Drills and workflow tests build one, then advance
 * its clock.
 */
public final class SimWorld {
    private final World world;
    private final OntapEmulator ontap;
    private final S3Endpoints s3 = new S3Endpoints();
    private final Map<String, S3Store> stores = new TreeMap<>();
    private final Map<String, S3Credentials> storeKeys = new TreeMap<>();
    private final Map<String, SimCluster> clusters = new TreeMap<>();

    public SimWorld(long seed) {
        this.world = new World(seed);
        this.ontap = new OntapEmulator(world);
    }

    public World world() {
        return world;
    }

    public OntapEmulator ontap() {
        return ontap;
    }

    public S3Endpoints s3() {
        return s3;
    }

    public SimWorld site(String name) {
        world.network().site(name);
        return this;
    }

    public SimWorld link(String a, String b, Duration latency, long bandwidthBytesPerSecond) {
        world.network().link(a, b, latency, bandwidthBytesPerSecond);
        return this;
    }

    public SimWorld ontapCluster(String name, String site) {
        ontap.addCluster(name, site);
        return this;
    }

    public SimWorld svm(String cluster, String svm) {
        ontap.addSvm(cluster, svm, SvmSubtype.DEFAULT);
        return this;
    }

    /**
     * Peers two SVMs (and their clusters, if not yet) the way an administrator does: cluster peer on both sides,
     * SVM peer created on the first cluster and accepted on the second. Takes the simulated time the jobs take.
     */
    public SimWorld peer(String clusterA, String svmA, String clusterB, String svmB) {
        OntapPort a = ontap.port(clusterA, ontap.cluster(clusterA).site());
        OntapPort b = ontap.port(clusterB, ontap.cluster(clusterB).site());
        if (!clusterA.equals(clusterB) && a.clusterPeers().stream().noneMatch(p -> p.remoteName().equals(clusterB))) {
            String passphrase = "peer-" + clusterA + "-" + clusterB + "-" + world.seed();
            a.createClusterPeer(List.of(ontap.cluster(clusterB).interclusterAddress()), passphrase);
            b.createClusterPeer(List.of(ontap.cluster(clusterA).interclusterAddress()), passphrase);
        }
        await(a, a.createSvmPeer(svmA, clusterB, svmB, List.of("snapmirror")));
        if (!clusterA.equals(clusterB)) {
            String pending = b.svmPeers().stream().filter(p -> p.svm().equals(svmB) && p.peerSvm().equals(svmA)
                    && p.state().equals("pending")).findFirst().orElseThrow().uuid();
            await(b, b.acceptSvmPeer(pending));
        }
        return this;
    }

    private void await(OntapPort port, JobRecord job) {
        if (!world.runUntil(() -> port.job(job.uuid()).state().isDone(), Duration.ofMinutes(5))
                || !port.job(job.uuid()).succeeded()) {
            throw new SimulationException("world set-up failed: " + port.job(job.uuid()));
        }
    }

    /** An S3 endpoint at a site with one bucket and one access key. */
    public SimWorld objectStore(String host, String site, String bucket, String accessKeyId, String secretAccessKey) {
        S3Store store = stores.computeIfAbsent(host, h -> {
            S3Store s = new S3Store(world, h, site);
            S3Credentials key = new S3Credentials(accessKeyId, secretAccessKey, null);
            s3.add(h, s, List.of(key));
            storeKeys.put(h, key);
            return s;
        });
        store.port(site).createBucket(bucket);
        return this;
    }

    public S3Store store(String host) {
        S3Store s = stores.get(host);
        if (s == null) {
            throw new SimulationException("no object store " + host + "; known: " + stores.keySet());
        }
        return s;
    }

    /** The access key an object store accepts (given with its first bucket). */
    public S3Credentials accessKey(String host) {
        store(host);
        return storeKeys.get(host);
    }

    /** A Kubernetes cluster at a site, with Trident and the protect CRDs installed. */
    public SimCluster kubernetes(String name, String site) {
        return kubernetes(name, site, EngineSettings.DEFAULT);
    }

    /** The same, with the protect controller's environment (e.g. RESTORE_SKIP_NAMESPACE_ANNOTATIONS). */
    public SimCluster kubernetes(String name, String site, EngineSettings settings) {
        return kubernetes(name, site, settings, UnaryOperator.identity());
    }

    /**
     * A Kubernetes cluster whose protect engine runs with {@code settings} (its controller environment) and with the
     * ports {@code decorate} returns (identity for the real thing; a wrapper to plant a defect or observe calls).
     */
    public SimCluster kubernetes(String name, String site, EngineSettings settings,
                                 UnaryOperator<EnginePorts> decorate) {
        return kubernetes(name, site, settings, decorate, true);
    }

    /**
     * The same; with {@code runEngine} false the cluster runs no protect engine (Trident, the workload controllers
     * and the kubelet still run): for a controller outside the world to reconcile its protect resources.
     */
    public SimCluster kubernetes(String name, String site, EngineSettings settings,
                                 UnaryOperator<EnginePorts> decorate, boolean runEngine) {
        if (clusters.containsKey(name)) {
            throw new SimulationException("Kubernetes cluster " + name + " already exists");
        }
        SimCluster c = new SimCluster(this, name, site, settings, decorate, runEngine);
        clusters.put(name, c);
        return c;
    }

    public SimCluster cluster(String name) {
        SimCluster c = clusters.get(name);
        if (c == null) {
            throw new SimulationException("no Kubernetes cluster " + name + "; known: " + clusters.keySet());
        }
        return c;
    }

    /** Every Kubernetes cluster, by name. */
    public List<SimCluster> clusters() {
        return List.copyOf(clusters.values());
    }

    /** Every object store, by host name. */
    public List<S3Store> stores() {
        return List.copyOf(stores.values());
    }

    public void advance(Duration d) {
        world.advance(d);
    }
}
