package io.mirrordrill.scenario.world;

import io.mirrordrill.emulator.estate.Estate;
import io.mirrordrill.emulator.estate.EstateCluster;
import io.mirrordrill.emulator.ontap.blocks.DataPathException;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.RelationshipCreate;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.VolumeCreate;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.emulator.s3.S3Endpoints;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.EngineSettings;
import io.mirrordrill.engine.model.crd.Crds;
import io.mirrordrill.sim.SimulationException;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A drill's world: an emulated {@link Estate} (sites and links, ONTAP clusters with SVMs and peers, S3 endpoints with
 * buckets, Kubernetes clusters with Trident and the protect CRDs) with a Trident protect engine in each Kubernetes
 * cluster. Drills and workflow tests build one, then advance its clock.
 */
public final class SimWorld {
    private final Estate estate;
    private final Map<String, SimCluster> clusters = new TreeMap<>();

    public SimWorld(long seed) {
        this.estate = new Estate(seed);
    }

    /** The world without its engines. */
    public Estate estate() {
        return estate;
    }

    public World world() {
        return estate.world();
    }

    public OntapEmulator ontap() {
        return estate.ontap();
    }

    public S3Endpoints s3() {
        return estate.s3();
    }

    public SimWorld site(String name) {
        estate.site(name);
        return this;
    }

    public SimWorld link(String a, String b, Duration latency, long bandwidthBytesPerSecond) {
        estate.link(a, b, latency, bandwidthBytesPerSecond);
        return this;
    }

    public SimWorld ontapCluster(String name, String site) {
        estate.ontapCluster(name, site);
        return this;
    }

    public SimWorld svm(String cluster, String svm) {
        estate.svm(cluster, svm);
        return this;
    }

    /** Peers two SVMs (and their clusters, if not yet) as {@link Estate#peer} does. */
    public SimWorld peer(String clusterA, String svmA, String clusterB, String svmB) {
        estate.peer(clusterA, svmA, clusterB, svmB);
        return this;
    }

    /** An S3 endpoint at a site with one bucket and one access key. */
    public SimWorld objectStore(String host, String site, String bucket, String accessKeyId, String secretAccessKey) {
        estate.objectStore(host, site, bucket, accessKeyId, secretAccessKey);
        return this;
    }

    public S3Store store(String host) {
        return estate.store(host);
    }

    /** The access key an object store accepts (given with its first bucket). */
    public S3Credentials accessKey(String host) {
        return estate.accessKey(host);
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
        SimCluster c = new SimCluster(this, estate.kubernetes(name, site, Crds.definitions()), settings, decorate,
                runEngine);
        clusters.put(name, c);
        return c;
    }

    /**
     * {@code kubeadm init --ignore-preflight-errors=DirAvailable--var-lib-etcd} at {@code site} over the etcd data
     * directory restored there: the cluster of that name comes back from its snapshot with a new node and a new
     * protect engine (the old one is stopped) and takes the old one's place in this world.
     */
    public SimCluster rebuild(String name, String site, String dataDir) {
        SimCluster old = clusters.get(name);
        EngineSettings settings = old != null ? old.settings() : EngineSettings.DEFAULT;
        EstateCluster rebuilt = estate.rebuild(name, site, dataDir);
        if (old != null) {
            old.crashEngine();
        }
        SimCluster c = new SimCluster(this, rebuilt, settings, UnaryOperator.identity(), true);
        clusters.put(name, c);
        return c;
    }

    /**
     * An administrator's ONTAP volume ({@code volume create}); with {@code mirrorOf} ({@code CLUSTER/SVM/VOLUME}) a DP
     * volume, the destination of a volume SnapMirror on {@code schedule}, initialized before this returns (the
     * baseline transfer takes simulated time).
     */
    public SimWorld volume(String cluster, String svm, String name, long size, String mirrorOf, String schedule) {
        OntapPort port = ontap().port(cluster, ontap().cluster(cluster).site());
        await(port, port.createVolume(new VolumeCreate(name, svm, size, mirrorOf == null ? VolumeType.RW
                : VolumeType.DP)));
        if (mirrorOf != null) {
            String[] src = mirrorOf.split("/");
            await(port, port.createRelationship(new RelationshipCreate(src[1] + ":" + src[2], svm + ":" + name,
                    "MirrorAllSnapshots", schedule)));
            String destination = svm + ":" + name;
            String uuid = port.relationships(false).stream().filter(r -> r.destinationPath().equals(destination))
                    .findFirst().orElseThrow().uuid();
            await(port, port.patchRelationship(uuid, RelationshipPatch.state(RelationshipState.SNAPMIRRORED)));
            String site = ontap().cluster(cluster).site();
            world().runUntil(() -> {
                try {
                    ontap().files(cluster, svm, name, site).list();
                    return true;
                } catch (DataPathException baselineNotDone) {
                    return false;
                }
            }, Duration.ofMinutes(30));
        }
        return this;
    }

    private void await(OntapPort port, JobRecord job) {
        world().runUntil(() -> port.job(job.uuid()).state().isDone(), Duration.ofMinutes(30));
        JobRecord done = port.job(job.uuid());
        if (!done.succeeded()) {
            throw new SimulationException("ONTAP job " + done.description() + " failed: " + done.message());
        }
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
        return estate.stores();
    }

    public void advance(Duration d) {
        estate.advance(d);
    }
}
