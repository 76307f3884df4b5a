package io.mirrordrill.emulator.estate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.emulator.element.ElementEmulator;
import io.mirrordrill.emulator.k8s.EtcdEmulator;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.emulator.s3.S3Endpoints;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.sim.SimulationException;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole emulated estate in one deterministic {@link World}: sites and links, ONTAP clusters with SVMs and peers,
 * S3 endpoints with buckets, and Kubernetes clusters with Trident. It runs no protect engine: drills
 * ({@code SimWorld}) and the engine's own tests each put theirs beside it.
 */
public final class Estate {
    private final World world;
    private final OntapEmulator ontap;
    private final S3Endpoints s3 = new S3Endpoints();
    private final Map<String, S3Store> stores = new TreeMap<>();
    private final Map<String, S3Credentials> storeKeys = new TreeMap<>();
    private final Map<String, EstateCluster> clusters = new TreeMap<>();
    private final ElementEmulator element;
    private final EtcdEmulator etcd;

    public Estate(long seed) {
        this.world = new World(seed);
        this.ontap = new OntapEmulator(world);
        this.element = new ElementEmulator(world);
        this.etcd = new EtcdEmulator(world);
    }

    /** The Element (SolidFire) clusters, which {@code solidfire-san} backends provision on. */
    public ElementEmulator element() {
        return element;
    }

    /** The etcd members behind the Kubernetes clusters, and the data directories restored on the sites' hosts. */
    public EtcdEmulator etcd() {
        return etcd;
    }

    public Estate elementCluster(String name, String site) {
        element.addCluster(name, site);
        return this;
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

    public Estate site(String name) {
        world.network().site(name);
        return this;
    }

    public Estate link(String a, String b, Duration latency, long bandwidthBytesPerSecond) {
        world.network().link(a, b, latency, bandwidthBytesPerSecond);
        return this;
    }

    public Estate ontapCluster(String name, String site) {
        ontap.addCluster(name, site);
        return this;
    }

    public Estate svm(String cluster, String svm) {
        ontap.addSvm(cluster, svm, SvmSubtype.DEFAULT);
        return this;
    }

    /**
     * Peers two SVMs (and their clusters, if not yet) the way an administrator does: cluster peer on both sides,
     * SVM peer created on the first cluster and accepted on the second. Takes the simulated time the jobs take.
     */
    public Estate peer(String clusterA, String svmA, String clusterB, String svmB) {
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
    public Estate objectStore(String host, String site, String bucket, String accessKeyId, String secretAccessKey) {
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

    /** A Kubernetes cluster at a site with Trident, and these CRDs installed before its simulator starts. */
    public EstateCluster kubernetes(String name, String site, List<ObjectNode> crds) {
        if (clusters.containsKey(name)) {
            throw new SimulationException("Kubernetes cluster " + name + " already exists");
        }
        EstateCluster c = new EstateCluster(this, name, site, crds);
        clusters.put(name, c);
        return c;
    }

    /**
     * {@code kubeadm init --ignore-preflight-errors=DirAvailable--var-lib-etcd} on a host at {@code site} over the
     * etcd data directory restored there: the cluster {@code name} comes back with the snapshot's objects and a new
     * node (its controllers start over them) and replaces the one of that name, whose node is stopped.
     */
    public EstateCluster rebuild(String name, String site, String dataDir) {
        KubernetesCluster apiServer = etcd.startCluster(name, site, dataDir);
        EstateCluster old = clusters.get(name);
        if (old != null) {
            old.simulator().stop();
        }
        EstateCluster c = new EstateCluster(this, apiServer);
        clusters.put(name, c);
        return c;
    }

    public EstateCluster cluster(String name) {
        EstateCluster c = clusters.get(name);
        if (c == null) {
            throw new SimulationException("no Kubernetes cluster " + name + "; known: " + clusters.keySet());
        }
        return c;
    }

    /** Every object store, by host name. */
    public List<S3Store> stores() {
        return List.copyOf(stores.values());
    }

    public void advance(Duration d) {
        world.advance(d);
    }
}
