package io.mirrordrill.emulator.element;

import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.element.ElementPort;
import io.mirrordrill.sim.SimulationException;
import io.mirrordrill.sim.World;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * All emulated Element clusters of one {@link World}. Each cluster lives at a site; its API and its volumes' data are
 * always reached from a caller's site, and fail as the network dictates (a site down or partitioned away makes the
 * cluster unreachable: the world's network faults are the cluster's faults).
 *
 * <p>Like the world, the emulator is single-threaded; {@link #lock()} is the world's one lock, which the JSON-RPC
 * servers take around every request and any other thread must take to touch the emulator while a server runs.
 */
public final class ElementEmulator {
    private final World world;
    private final Map<String, ElementCluster> clusters = new TreeMap<>();

    public ElementEmulator(World world) {
        this.world = world;
    }

    public World world() {
        return world;
    }

    public ReentrantLock lock() {
        return world.lock();
    }

    public ElementCluster addCluster(String name, String site) {
        if (clusters.containsKey(name)) {
            throw new SimulationException("Element cluster " + name + " already exists");
        }
        world.network().site(site);
        ElementCluster cluster = new ElementCluster(world, name, site);
        clusters.put(name, cluster);
        world.record("element/" + name, "cluster added at site " + site);
        return cluster;
    }

    /** The names of every cluster, in name order. */
    public List<String> clusterNames() {
        return List.copyOf(clusters.keySet());
    }

    /** The cluster itself, bypassing the network: for setting up a world and for assertions. */
    public ElementCluster cluster(String name) {
        ElementCluster cluster = clusters.get(name);
        if (cluster == null) {
            throw new SimulationException("no Element cluster " + name + "; known: " + clusters.keySet());
        }
        return cluster;
    }

    /**
     * The API of {@code cluster} as seen from {@code callerSite}: every call first checks that the site can reach
     * the cluster, and throws {@link UnreachableException} otherwise.
     */
    public ElementPort port(String cluster, String callerSite) {
        ElementCluster target = cluster(cluster);
        world.network().site(callerSite);
        return (ElementPort) Proxy.newProxyInstance(ElementPort.class.getClassLoader(),
                new Class<?>[] {ElementPort.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "ElementPort[" + cluster + " from "
                                + callerSite + "]" : method.invoke(target, args);
                    }
                    checkReachable(target, callerSite);
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** An iSCSI host's view of one volume's data, from a host at {@code hostSite}. */
    public VolumeData data(String cluster, long volumeID, String hostSite) {
        world.network().site(hostSite);
        return new VolumeData(this, cluster(cluster), volumeID, hostSite);
    }

    void checkReachable(ElementCluster target, String callerSite) {
        if (!world.network().reachable(callerSite, target.site)) {
            throw new UnreachableException("Element cluster " + target.name, "no route from site " + callerSite
                    + " to site " + target.site);
        }
    }
}
