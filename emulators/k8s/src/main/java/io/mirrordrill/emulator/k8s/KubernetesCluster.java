package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KindRegistry;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.SimulationException;
import io.mirrordrill.sim.World;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One in-memory Kubernetes API server placed at a site of a {@link World}. Object uids and generated names come from
 * the world stream {@code k8s/<name>}, timestamps from the world clock, and every committed write is recorded in the
 * world trace under {@code k8s/<name>}. Callers reach it through {@link #port(String)} from their own site, and fail
 * with {@link io.mirrordrill.port.UnreachableException} while the network separates them. Requests take no
 * simulated time; watch events travel with the link's latency.
 */
public final class KubernetesCluster {
    /** How many changes a watch can resume across, like the API server's watch cache. */
    public static final int WATCH_HISTORY = 10_000;
    /** The namespaces every cluster starts with. */
    public static final List<String> INITIAL_NAMESPACES =
            List.of("default", "kube-node-lease", "kube-public", "kube-system");

    private final World world;
    private final String name;
    private final String site;
    private final KindRegistry kinds = KindRegistry.withBuiltins();
    private final ApiStore store;
    private final WatchHub watches = new WatchHub(this, WATCH_HISTORY);
    private final Namespaces namespaces = new Namespaces(this);
    private final EventTtl eventTtl = new EventTtl();

    public KubernetesCluster(World world, String name, String site) {
        this(world, name, site, "cluster started at site " + site);
        ResourceKind namespace = kinds.require("v1", "Namespace");
        for (String ns : INITIAL_NAMESPACES) {
            store.create(namespace, Resources.toTree(Resources.generic("v1", "Namespace", null, ns)));
        }
    }

    private KubernetesCluster(World world, String name, String site, String started) {
        if (!world.network().hasSite(site)) {
            throw new SimulationException("cluster " + name + " needs a known site, not '" + site + "'");
        }
        this.world = world;
        this.name = name;
        this.site = site;
        kinds.register(EventSchemas.EVENTS_V1);
        this.store = new ApiStore(this, world.random("k8s/" + name), world.random("k8s/" + name + "/events"));
        record(started);
    }

    /**
     * A cluster whose API server starts over a restored etcd keyspace ({@code kubeadm init
     * --ignore-preflight-errors=DirAvailable--var-lib-etcd}): exactly the image's objects and revision, no initial
     * namespaces added, and the namespace controller resumes terminating namespaces.
     */
    static KubernetesCluster restored(World world, String name, String site, SnapshotImage image) {
        KubernetesCluster cluster = new KubernetesCluster(world, name, site,
                "cluster started at site " + site + " over a restored etcd keyspace at rv=" + image.revision());
        cluster.store.load(image);
        ResourceKind namespace = cluster.kinds.require("v1", "Namespace");
        cluster.store.list(namespace, null, LabelSelector.everything()).stream().filter(Json::deleting)
                .forEach(ns -> cluster.namespaces.requestSync(Json.text(Json.meta(ns), "name")));
        return cluster;
    }

    public String name() {
        return name;
    }

    public String site() {
        return site;
    }

    /** The endpoint named in {@link io.mirrordrill.port.UnreachableException}s: {@code k8s/<name>}. */
    public String endpoint() {
        return "k8s/" + name;
    }

    /** The kinds this cluster serves: the built-ins plus those of the CRDs created in it. */
    public KindRegistry kinds() {
        return kinds;
    }

    /** The cluster-wide revision: the resourceVersion of the latest write. */
    public long revision() {
        return store.revision();
    }

    /** The API as seen from {@code callerSite}. */
    public KubernetesPort port(String callerSite) {
        if (!world.network().hasSite(callerSite)) {
            throw new SimulationException("unknown caller site '" + callerSite + "' for cluster " + name);
        }
        return new ClusterPort(this, callerSite);
    }

    /** The API as seen from the cluster's own site (its controllers and kubelets). */
    public KubernetesPort port() {
        return port(site);
    }

    /** The world the cluster lives in (single-threaded: touch it only under {@link #lock()} while a server runs). */
    public World world() {
        return world;
    }

    /**
     * The lock that serialises the threads of a {@link io.mirrordrill.emulator.k8s.server.KubeApiServer} against the
     * single-threaded cluster and its world; owner code takes it too while a server runs. It is the world's one lock
     * ({@link World#lock()}), so the servers of every emulator of a world serialise on it together.
     */
    public ReentrantLock lock() {
        return world.lock();
    }

    /** Runs {@code action} as a server-side dry run ({@code dryRun=All}): nothing it writes is kept; locked. */
    public <T> T dryRun(java.util.function.Supplier<T> action) {
        return store.dryRun(action);
    }

    ApiStore store() {
        return store;
    }

    WatchHub watches() {
        return watches;
    }

    EventTtl eventTtl() {
        return eventTtl;
    }

    /** Removes the Events whose hour is over; called whenever events are touched. */
    void expireEvents() {
        eventTtl.expire(world.now(), store);
    }

    Namespaces namespaces() {
        return namespaces;
    }

    void record(String message) {
        world.record(endpoint(), message);
    }

    List<ObjectNode> all(ResourceKind kind, String namespace) {
        return store.list(kind, namespace, LabelSelector.everything());
    }
}
