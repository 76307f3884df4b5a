package io.mirrordrill.scenario.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.k8s.cluster.ClusterSimulator;
import io.mirrordrill.emulator.k8s.cluster.TridentBackend;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.EngineSettings;
import io.mirrordrill.engine.ProtectEngine;
import io.mirrordrill.engine.model.crd.Crds;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One simulated Kubernetes cluster of a {@link SimWorld}: its API server, the cluster simulator (Trident, workload
 * controllers, kubelet) and the Trident protect CRDs, all at one site.
 */
public final class SimCluster {
    private final String name;
    private final String site;
    private final KubernetesCluster apiServer;
    private final ClusterSimulator simulator;
    private final Kubectl kubectl;
    private final EnginePorts enginePorts;
    private final EngineSettings settings;
    private ProtectEngine engine;

    SimCluster(SimWorld world, String name, String site) {
        this(world, name, site, EngineSettings.DEFAULT, UnaryOperator.identity());
    }

    /** {@code decorate} wraps the ports the engine gets (a drill's planted defect, an observing proxy). */
    SimCluster(SimWorld world, String name, String site, EngineSettings settings,
               UnaryOperator<EnginePorts> decorate) {
        this(world, name, site, settings, decorate, true);
    }

    /**
     * With {@code runEngine} false the cluster runs no protect engine (its {@link #engine()} is built but not
     * started): a controller outside the world, such as {@code mirrordrill controller} against the served cluster,
     * takes its place. {@link #restartEngine()} still starts one.
     */
    SimCluster(SimWorld world, String name, String site, EngineSettings settings,
               UnaryOperator<EnginePorts> decorate, boolean runEngine) {
        this.name = name;
        this.site = site;
        this.apiServer = new KubernetesCluster(world.world(), name, site);
        this.simulator = new ClusterSimulator(world.world(), apiServer.port(), name, site, world.ontap());
        this.kubectl = new Kubectl(apiServer.port());
        for (String crd : Crds.manifests()) {
            kubectl.apply("crd", crd, null);
        }
        simulator.start();
        this.settings = settings;
        this.enginePorts = decorate.apply(new EnginePorts(apiServer.port(), world.ontap().connector(site),
                world.s3().connector(site), simulator.exec(), world.world(), world.world()));
        this.engine = newEngine();
        if (runEngine) {
            engine.start();
        }
    }

    private ProtectEngine newEngine() {
        return new ProtectEngine(name, enginePorts, settings);
    }

    /** The Trident protect controller manager running in this cluster. */
    public ProtectEngine engine() {
        return engine;
    }

    /** Kills the controller manager: nothing it had in memory survives. */
    public void crashEngine() {
        engine.stop();
    }

    /** Starts a fresh controller manager, as Kubernetes restarts a crashed pod. */
    public ProtectEngine restartEngine() {
        return restartEngine(UnaryOperator.identity());
    }

    /** Restarts the controller manager with its ports wrapped (fault injection, call counting). */
    public ProtectEngine restartEngine(UnaryOperator<EnginePorts> wrap) {
        engine.stop();
        engine = new ProtectEngine(name, wrap.apply(enginePorts), settings);
        engine.start();
        return engine;
    }

    /** The ports the engine is given, unwrapped. */
    public EnginePorts enginePorts() {
        return enginePorts;
    }

    public String name() {
        return name;
    }

    public String site() {
        return site;
    }

    /** The API as the cluster's own components see it. */
    public KubernetesPort api() {
        return apiServer.port();
    }

    /** The API as seen from another site (an operator's laptop, a remote engine). */
    public KubernetesPort api(String callerSite) {
        return apiServer.port(callerSite);
    }

    public ClusterSimulator simulator() {
        return simulator;
    }

    public KubernetesCluster apiServer() {
        return apiServer;
    }

    /** {@code tridentctl create backend} for an ONTAP-NAS backend on an SVM. */
    public SimCluster backend(String backendName, String ontapCluster, String svm) {
        simulator.addBackend(backendName, TridentBackend.ONTAP_NAS, ontapCluster, svm);
        return this;
    }

    /** A Trident storage class bound to a backend; optionally the cluster's default. */
    public SimCluster storageClass(String className, String backendName, boolean isDefault) {
        ObjectNode sc = Resources.mapper().createObjectNode();
        sc.put("apiVersion", "storage.k8s.io/v1").put("kind", "StorageClass");
        ObjectNode meta = sc.putObject("metadata");
        meta.put("name", className);
        if (isDefault) {
            meta.putObject("annotations").put("storageclass.kubernetes.io/is-default-class", "true");
        }
        sc.put("provisioner", "csi.trident.netapp.io").put("reclaimPolicy", "Retain");
        sc.putObject("parameters").put("backendType", TridentBackend.ONTAP_NAS)
                .put("storagePools", backendName + ":aggr1");
        kubectl.apply(sc, null);
        return this;
    }

    /** {@code kubectl apply -f} of YAML text, with a default namespace (null for none). */
    public List<GenericKubernetesResource> apply(String source, String yaml, String namespace) {
        return kubectl.apply(source, yaml, namespace);
    }

    /** {@code kubectl create namespace}. */
    public SimCluster namespace(String namespace) {
        kubectl.apply("namespace", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + namespace + "\n", null);
        return this;
    }

    public Optional<ObjectNode> get(String apiVersion, String kind, String namespace, String resourceName) {
        return api().get(apiVersion, kind, namespace, resourceName).map(Resources::toTree);
    }

    /** A protect resource as its typed model. */
    public <R> Optional<R> protect(Class<R> type, String kind, String namespace, String resourceName) {
        return api().get("protect.trident.netapp.io/v1", kind, namespace, resourceName)
                .map(ProtectYaml::fromGeneric).map(type::cast);
    }
}
