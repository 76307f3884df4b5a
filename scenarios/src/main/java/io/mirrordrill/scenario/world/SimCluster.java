package io.mirrordrill.scenario.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.estate.EstateCluster;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.k8s.cluster.ClusterSimulator;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.EngineSettings;
import io.mirrordrill.engine.ProtectEngine;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.scenario.crash.CrashingPorts;
import io.mirrordrill.sim.World;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One Kubernetes cluster of a {@link SimWorld}: an {@link EstateCluster} (API server, Trident, workload
 * controllers, kubelet, the protect CRDs) and the Trident protect engine that runs in it.
 */
public final class SimCluster {
    private final EstateCluster cluster;
    private final Kubectl kubectl;
    private final EnginePorts enginePorts;
    private final EngineSettings settings;
    private final World world;
    private ProtectEngine engine;
    /** The engine's port calls, counted so that a crash can be armed to strike after one of them. */
    private final CrashingPorts crashPoint;

    /**
     * The protect engine beside an estate's cluster, with the ports {@code decorate} returns (a drill's planted
     * defect, an observing proxy). With {@code runEngine} false it is built but not started: a controller outside
     * the world, such as {@code mirrordrill controller} against the served cluster, takes its place;
     * {@link #restartEngine()} still starts one.
     */
    SimCluster(SimWorld world, EstateCluster cluster, EngineSettings settings, UnaryOperator<EnginePorts> decorate,
               boolean runEngine) {
        this.cluster = cluster;
        this.world = world.world();
        this.kubectl = new Kubectl(cluster.api());
        this.settings = settings;
        this.crashPoint = new CrashingPorts(0, this::killedAtCrashPoint);
        // the crash point counts the requests that reach the systems, under any planted defect or observer
        this.enginePorts = decorate.apply(crashPoint.wrap(new EnginePorts(cluster.api(),
                world.ontap().connector(cluster.site()), world.s3().connector(cluster.site()),
                cluster.simulator().exec(), world.world(), world.world())));
        this.engine = newEngine();
        if (runEngine) {
            engine.start();
        }
    }

    private ProtectEngine newEngine() {
        return new ProtectEngine(cluster.name(), enginePorts, settings);
    }

    /** The protect controller's configuration (its environment and Helm values). */
    public EngineSettings settings() {
        return settings;
    }

    /** The Trident protect controller manager running in this cluster. */
    public ProtectEngine engine() {
        return engine;
    }

    /** Kills the controller manager: nothing it had in memory survives. */
    public void crashEngine() {
        engine.stop();
    }

    private void killedAtCrashPoint() {
        world.record("engine/" + name(), "killed after port call " + crashPoint.calls());
        crashEngine();
    }

    /**
     * Kills the controller manager right after its {@code calls}-th port call from now, wherever in its work that
     * falls (that call takes effect, its answer is lost); a restart before then replaces it as usual.
     */
    public void crashEngineAfter(long calls) {
        crashPoint.crashAfter(calls);
    }

    /** Starts a fresh controller manager, as Kubernetes restarts a crashed pod. */
    public ProtectEngine restartEngine() {
        return restartEngine(UnaryOperator.identity());
    }

    /** Restarts the controller manager with its ports wrapped (fault injection, call counting). */
    public ProtectEngine restartEngine(UnaryOperator<EnginePorts> wrap) {
        engine.stop();
        crashPoint.revive();
        engine = new ProtectEngine(cluster.name(), wrap.apply(enginePorts), settings);
        engine.start();
        return engine;
    }

    /** How many port calls the engines of this cluster have made so far (what {@link #crashEngineAfter} counts). */
    public long enginePortCalls() {
        return crashPoint.calls();
    }

    /** The ports the engine is given (through its crash point; a restart may wrap them further). */
    public EnginePorts enginePorts() {
        return enginePorts;
    }

    public String name() {
        return cluster.name();
    }

    public String site() {
        return cluster.site();
    }

    /** The API as the cluster's own components see it. */
    public KubernetesPort api() {
        return cluster.api();
    }

    /** The API as seen from another site (an operator's laptop, a remote engine). */
    public KubernetesPort api(String callerSite) {
        return cluster.api(callerSite);
    }

    public ClusterSimulator simulator() {
        return cluster.simulator();
    }

    public KubernetesCluster apiServer() {
        return cluster.apiServer();
    }

    /** {@code tridentctl create backend} for an ONTAP-NAS backend on an SVM. */
    public SimCluster backend(String backendName, String ontapCluster, String svm) {
        cluster.backend(backendName, ontapCluster, svm);
        return this;
    }

    /** {@code tridentctl create backend} for a {@code solidfire-san} backend: an Element cluster and tenant. */
    public SimCluster elementBackend(String backendName, String elementCluster, String tenantName) {
        cluster.elementBackend(backendName, elementCluster, tenantName);
        return this;
    }

    /** A Trident storage class bound to a backend; optionally the cluster's default. */
    public SimCluster storageClass(String className, String backendName, boolean isDefault) {
        cluster.storageClass(className, backendName, isDefault);
        return this;
    }

    /** {@code kubectl apply -f} of YAML text, with a default namespace (null for none). */
    public List<GenericKubernetesResource> apply(String source, String yaml, String namespace) {
        return kubectl.apply(source, yaml, namespace);
    }

    /** {@code kubectl create namespace}. */
    public SimCluster namespace(String namespace) {
        cluster.namespace(namespace);
        return this;
    }

    public Optional<ObjectNode> get(String apiVersion, String kind, String namespace, String resourceName) {
        return cluster.get(apiVersion, kind, namespace, resourceName);
    }

    /** A protect resource as its typed model. */
    public <R> Optional<R> protect(Class<R> type, String kind, String namespace, String resourceName) {
        return api().get("protect.trident.netapp.io/v1", kind, namespace, resourceName)
                .map(ProtectYaml::fromGeneric).map(type::cast);
    }
}
