package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.element.ElementEmulator;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.runtime.Backoff;
import io.mirrordrill.runtime.Controller;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.runtime.Reconciler;
import io.mirrordrill.runtime.ResourceKey;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.Watch;
import io.mirrordrill.port.kubernetes.WatchEvent;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.sim.SimulationException;
import io.mirrordrill.sim.World;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What runs inside a Kubernetes cluster besides the API server: Trident's CSI provisioner and snapshotter over the
 * ONTAP emulator, the Deployment and StatefulSet controllers, and a kubelet that runs pods once their volumes can be
 * mounted. Everything goes through {@link KubernetesPort}, so the same simulator can drive a real-protocol API
 * server; it is driven by watches and the controller runtime on the world's clock.
 */
public final class ClusterSimulator {
    private final World world;
    private final KubernetesPort api;
    private final OntapEmulator ontap;
    private final String name;
    private final String site;
    private final Map<String, TridentBackend> backends = new TreeMap<>();
    /** Uids of the pods whose containers this node runs: kept across a restart of the controllers, not a new node. */
    private final Set<String> runningPods = new TreeSet<>();
    /** When each terminating pod's containers got SIGTERM, by uid: kept across a restart like the running pods. */
    private final Map<String, Instant> terminating = new TreeMap<>();
    /** Which claims name which volume: a volume's change has the persistent-volume controller look at them again. */
    private final ClaimsByVolume claimsByVolume = new ClaimsByVolume();
    private final List<Controller> controllers = new ArrayList<>();
    private final List<Watch> watches = new ArrayList<>();
    private final Workloads workloads;
    private final PodLogs logs = new PodLogs();
    /** One recorder per component (client-go: one per controller), each with its aggregation cache. */
    private final Map<String, EventRecorder> recorders = new TreeMap<>();
    private boolean started;
    /** The Element clusters {@code solidfire-san} backends use; null in a world without Element. */
    private ElementEmulator element;

    public ClusterSimulator(World world, KubernetesPort api, String name, String site, OntapEmulator ontap) {
        this.world = world;
        this.api = api;
        this.ontap = ontap;
        this.name = name;
        this.site = site;
        this.workloads = new Workloads(this);
    }

    public String name() {
        return name;
    }

    public String site() {
        return site;
    }

    World world() {
        return world;
    }

    KubernetesPort api() {
        return api;
    }

    OntapEmulator ontap() {
        return ontap;
    }

    /** Lets {@code solidfire-san} backends provision on these Element clusters. */
    public ClusterSimulator withElement(ElementEmulator elementClusters) {
        this.element = elementClusters;
        return this;
    }

    ElementEmulator element() {
        if (element == null) {
            throw new SimulationException("cluster " + name + " has no Element clusters for solidfire-san backends");
        }
        return element;
    }

    /** {@code kubectl exec} into this cluster's pods, for execution hooks. */
    public PodShell exec() {
        return new PodShell(this);
    }

    /** The workload I/O API: pods writing to and reading from their mounted volumes. */
    public Workloads workloads() {
        return workloads;
    }

    /** What the containers of this cluster's pods printed ({@code kubectl logs}). */
    public PodLogs logs() {
        return logs;
    }

    /** The node every pod runs on (the simulated cluster has one): the kubelet's {@code source.host}. */
    String node() {
        return name + "-node";
    }

    /** The Event recorder of a component of the cluster (the kubelet, Trident's provisioner, ...). */
    EventRecorder events(String component, String instance) {
        return recorders.computeIfAbsent(component + "/" + instance, k -> new EventRecorder(api, world, component,
                instance));
    }

    /** What an Event says it is about, for an object read as a tree. */
    static EventRecorder.Involved involved(JsonNode object) {
        return new EventRecorder.Involved(object.path("apiVersion").asText(), object.path("kind").asText(),
                Tree.namespace(object), Tree.name(object), Tree.uid(object),
                object.path("metadata").path("resourceVersion").asText(null));
    }

    boolean runs(String podUid) {
        return runningPods.contains(podUid);
    }

    void started(String podUid) {
        runningPods.add(podUid);
    }

    Optional<Instant> terminating(String podUid) {
        return Optional.ofNullable(terminating.get(podUid));
    }

    void sigterm(String podUid, Instant at) {
        terminating.put(podUid, at);
    }

    /** The pod's containers have stopped. */
    void stopped(String podUid) {
        runningPods.remove(podUid);
        terminating.remove(podUid);
    }

    /** The kubelet's events when it stops a pod's containers. */
    void killing(JsonNode pod) {
        for (JsonNode c : pod.path("spec").path("containers")) {
            events("kubelet", node()).normal(involved(pod), "Killing", "Stopping container "
                    + c.path("name").asText());
        }
    }

    void record(String message) {
        world.record("k8s/" + name + "/sim", message);
    }

    // ---- Trident backends --------------------------------------------------------------------------------------

    /** {@code tridentctl create backend}: a driver bound to an SVM of an emulated ONTAP cluster. */
    public TridentBackend addBackend(String backendName, String driver, String ontapCluster, String svm) {
        if (backends.containsKey(backendName)) {
            throw new SimulationException("Trident backend " + backendName + " already exists in cluster " + name);
        }
        if (TridentBackend.SOLIDFIRE_SAN.equals(driver)) {
            element().cluster(ontapCluster);
        } else {
            ontap.cluster(ontapCluster);
        }
        TridentBackend backend = new TridentBackend(backendName, world.random("k8s/" + name + "/trident").uuid()
                .toString(), driver, ontapCluster, svm);
        backends.put(backendName, backend);
        TridentObjects.publishBackend(api, backend);
        record("trident backend " + backendName + " -> " + ontapCluster + "/" + svm);
        return backend;
    }

    /**
     * {@code tridentctl update backend}: points a backend at another SVM, as after an SVM-DR activation (seed 002).
     * Volumes keep their backendUUID and internal names, so existing PVs follow the backend.
     */
    public TridentBackend updateBackend(String backendName, String ontapCluster, String svm) {
        TridentBackend updated = backend(backendName).withSvm(ontapCluster, svm);
        backends.put(backendName, updated);
        workloads.invalidate();
        TridentObjects.publishBackend(api, updated);
        record("trident backend update " + backendName + " -> " + ontapCluster + "/" + svm);
        return updated;
    }

    /**
     * {@code tridentctl delete backend} of a backend no volume uses any more: it goes with its TridentBackend object.
     * (Trident keeps a backend that volumes still use in state deleting; callers check for volumes first.)
     */
    public void deleteBackend(String backendName) {
        backend(backendName);
        backends.remove(backendName);
        workloads.invalidate();
        TridentObjects.unpublishBackend(api, backendName);
        record("trident backend delete " + backendName);
    }

    public TridentBackend backend(String backendName) {
        TridentBackend b = backends.get(backendName);
        if (b == null) {
            throw new SimulationException("no Trident backend '" + backendName + "' in cluster " + name
                    + "; known: " + backends.keySet());
        }
        return b;
    }

    Optional<TridentBackend> backendByUuid(String uuid) {
        return backends.values().stream().filter(b -> b.uuid().equals(uuid)).findFirst();
    }

    /** The backends, by name. */
    public List<TridentBackend> backends() {
        return List.copyOf(backends.values());
    }

    OntapPort ontapPort(TridentBackend backend) {
        return ontap.port(backend.managementCluster(), site);
    }

    /**
     * {@code tridentctl import volume <backend> <volume> -f pvc.yaml}: binds an existing ONTAP volume to a new PVC
     * through a new PV, without copying data (seed 002's volume DR path).
     */
    public void importVolume(String backendName, String volume, GenericKubernetesResource pvc) {
        new Provisioner(this).importVolume(backend(backendName), volume, pvc);
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------------

    /** Starts the controllers; idempotent. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        TridentObjects.installCrds(api);
        for (TridentBackend stored : TridentObjects.storedBackends(api)) {
            // Trident keeps its state in its CRs: after an etcd restore it knows its backends from them
            if (backends.putIfAbsent(stored.name(), stored) == null) {
                record("trident backend " + stored.name() + " read from its TridentBackend object");
            }
        }
        backends.values().forEach(b -> TridentObjects.publishBackend(api, b));
        Provisioner provisioner = new Provisioner(this);
        Controller pvcs = controller("pvc-provisioner", provisioner);
        Controller pods = controller("kubelet", new Kubelet(this));
        WorkloadControllers workloadControllers = new WorkloadControllers(this);
        Controller apps = controller("workloads", workloadControllers);
        Controller snapshots = controller("csi-snapshotter", new SnapshotController(this));
        watch("v1", "PersistentVolumeClaim", pvcs, o -> key(o));
        watches.add(api.watch("v1", "PersistentVolumeClaim", null, LabelSelector.everything(), null,
                claimsByVolume::claimChanged));
        watches.add(api.watch("v1", "PersistentVolume", null, LabelSelector.everything(), null,
                e -> claimsByVolume.claimsOf(e.object()).forEach(pvcs::enqueue)));
        watch("v1", "Pod", pods, o -> key(o));
        watch("v1", "Pod", apps, WorkloadControllers::ownerKey);
        watch("apps/v1", "Deployment", apps, o -> key(o));
        watch("apps/v1", "StatefulSet", apps, o -> key(o));
        watch("snapshot.storage.k8s.io/v1", "VolumeSnapshot", snapshots, o -> key(o));
        watches.add(api.watch("v1", "Pod", null, LabelSelector.everything(), null, this::podChanged));
        for (String[] kind : List.of(new String[] {"v1", "Pod"}, new String[] {"v1", "PersistentVolumeClaim"},
                new String[] {"v1", "PersistentVolume"})) {
            watches.add(api.watch(kind[0], kind[1], null, LabelSelector.everything(), null,
                    e -> workloads.invalidate()));
        }
        record("simulator started");
    }

    /** Stops everything (a crash of the cluster's controllers); objects stay as they are. */
    public void stop() {
        watches.forEach(Watch::close);
        watches.clear();
        controllers.forEach(Controller::stop);
        controllers.clear();
        started = false;
        record("simulator stopped");
    }

    /**
     * A pod gone or no longer running: its containers stopped (followers of its logs end; a gone pod's go). A pod
     * removed while its containers still ran (a force delete) has them killed at once.
     */
    private void podChanged(WatchEvent e) {
        String namespace = e.object().getMetadata().getNamespace();
        String pod = e.object().getMetadata().getName();
        if (e.type() == WatchEvent.Type.DELETED) {
            String uid = e.object().getMetadata().getUid();
            boolean signalled = terminating.containsKey(uid);
            if (runningPods.contains(uid)) {
                stopped(uid);
                if (!signalled) {
                    killing(Tree.of(e.object()));
                }
                record("pod " + namespace + "/" + pod + " removed while running: containers killed");
            }
            logs.removed(namespace, pod);
        } else if (!"Running".equals(Tree.of(e.object()).path("status").path("phase").asText())) {
            logs.stopped(namespace, pod);
        }
    }

    private Controller controller(String controllerName, Reconciler reconciler) {
        Controller c = new Controller(name + "/" + controllerName, reconciler, world, Backoff.DEFAULT);
        controllers.add(c);
        return c;
    }

    private void watch(String apiVersion, String kind, Controller controller,
                       Function<GenericKubernetesResource, ResourceKey> keyOf) {
        watches.add(api.watch(apiVersion, kind, null, LabelSelector.everything(), null, (WatchEvent e) -> {
            ResourceKey key = keyOf.apply(e.object());
            if (key != null) {
                controller.enqueue(key);
            }
        }));
    }

    static ResourceKey key(GenericKubernetesResource o) {
        return new ResourceKey(o.getKind(), o.getMetadata().getNamespace(), o.getMetadata().getName());
    }

    static String describe(GenericKubernetesResource o) {
        return Resources.describe(o);
    }
}
