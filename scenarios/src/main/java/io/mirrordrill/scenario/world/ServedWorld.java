package io.mirrordrill.scenario.world;

import io.mirrordrill.emulator.k8s.server.AuditedRequest;
import io.mirrordrill.emulator.k8s.server.KubeApiServer;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.emulator.ontap.rest.OntapRestServer;
import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.emulator.s3.S3Server;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.port.objectstore.BucketInfo;
import io.mirrordrill.port.ontap.SvmRecord;
import io.mirrordrill.scenario.ScenarioException;
import io.mirrordrill.sim.Locked;

import java.net.BindException;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link SimWorld} behind real protocol servers: a {@link KubeApiServer} per Kubernetes cluster (with
 * {@code pods/exec} through its simulator's pod shell), an {@link OntapRestServer} per ONTAP cluster and an
 * {@link S3Server} per object store, on one host (127.0.0.1 by default), plain HTTP (the Kubernetes servers HTTPS with
 * a bearer token when given a {@link KubeAccess}).
 *
 * <p>Every server serialises on the world's one lock ({@link io.mirrordrill.sim.World#lock()}, which the emulators'
 * own {@code lock()} return), so requests to two servers of the world never run into each other, nor into whoever
 * moves time. The servers never move simulated time: the owner does, with {@link #advance} or a real-time clock pump
 * under {@link #lock()}. Touch the world only under that lock while the servers run ({@link #withLock}).
 *
 * <p>Ports: 0 (ephemeral) each by default; from a base, consecutively: the Kubernetes clusters by name, then the
 * ONTAP clusters by name, then the object stores by host name.
 */
public final class ServedWorld implements AutoCloseable {
    /** A Kubernetes cluster's API server. */
    public record Kube(String name, String site, URI url) {}

    /** How the Kubernetes API servers are guarded: the bearer token they require and the TLS key they serve with. */
    public record KubeAccess(String token, KeyStore keys, String keyPassword) {}

    /** An ONTAP cluster's management REST API, its SVMs when it started, and the user it accepts. */
    public record Ontap(String name, String site, URI url, List<String> svms, String username) {}

    /** An object store's S3 endpoint (path-style, SigV4, {@code region}) and its buckets when it started. */
    public record S3(String host, String site, URI url, String region, List<String> buckets) {}

    /** A port from the base could not be bound (another process holds it). */
    public static final class PortTakenException extends ScenarioException {
        private final int port;

        PortTakenException(int port, String what, Throwable cause) {
            super("port " + port + " (" + what + ") is already in use", cause);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }

    private final SimWorld world;
    private java.util.function.BiConsumer<String, AuditedRequest> audit;
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final List<Kube> kubes = new ArrayList<>();
    private final List<Ontap> ontaps = new ArrayList<>();
    private final List<S3> stores = new ArrayList<>();

    private ServedWorld(SimWorld world) {
        this.world = world;
    }

    /** The number of servers {@link #start} starts for {@code world} (so many ports from a base). */
    public static int serverCount(SimWorld world) {
        return world.clusters().size() + world.ontap().clusterNames().size() + world.stores().size();
    }

    /**
     * Starts every server of {@code world}.
     *
     * @param host the address to bind
     * @param portBase 0 for ephemeral ports, else the first of {@link #serverCount} consecutive ports
     * @param ontapUser the ONTAP user every cluster accepts
     * @param ontapPassword per ONTAP cluster name, its password
     */
    public static ServedWorld start(SimWorld world, String host, int portBase, String ontapUser,
                                    Function<String, String> ontapPassword) {
        return start(world, host, portBase, ontapUser, ontapPassword, null);
    }

    /** As {@link #start(SimWorld, String, int, String, Function)}, the Kubernetes servers guarded by {@code kube}. */
    public static ServedWorld start(SimWorld world, String host, int portBase, String ontapUser,
                                    Function<String, String> ontapPassword, KubeAccess kube) {
        return start(world, host, portBase, ontapUser, ontapPassword, kube, null);
    }

    /** As above, every Kubernetes server's resource requests told to {@code audit} with its cluster's name. */
    public static ServedWorld start(SimWorld world, String host, int portBase, String ontapUser,
                                    Function<String, String> ontapPassword, KubeAccess kube,
                                    java.util.function.BiConsumer<String, AuditedRequest> audit) {
        ServedWorld served = new ServedWorld(world);
        served.audit = audit;
        requireOneLock(world);
        ReentrantLock lock = world.world().lock();
        try {
            // requests to the servers already started wait until every server is up and described
            lock.lock();
            try {
                served.startAll(host, portBase, ontapUser, ontapPassword, kube);
            } finally {
                lock.unlock();
            }
        } catch (RuntimeException e) {
            served.close(); // not under the lock: a stopping server may wait for requests that wait for it
            throw e;
        }
        return served;
    }

    private void startAll(String host, int portBase, String ontapUser, Function<String, String> ontapPassword,
                          KubeAccess kube) {
        ReentrantLock lock = world.world().lock();
        int next = portBase;
        for (SimCluster c : world.clusters()) {
            int port = next;
            KubeApiServer server = bind(port, "Kubernetes " + c.name(), () -> {
                KubeApiServer.Builder b = KubeApiServer.builder(c.apiServer()).host(host).port(port)
                        .exec(c.simulator().exec()).logs(c.simulator().logs()).lock(lock);
                if (kube != null) {
                    b.token(kube.token()).tls(kube.keys(), kube.keyPassword());
                }
                if (audit != null) {
                    b.audit(r -> audit.accept(c.name(), r));
                }
                return b.start();
            });
            servers.add(server);
            kubes.add(new Kube(c.name(), c.site(), server.endpoint()));
            next = portBase == 0 ? 0 : next + 1;
        }
        OntapEmulator ontap = world.ontap();
        for (String name : ontap.clusterNames()) {
            int port = next;
            String password = Objects.requireNonNull(ontapPassword.apply(name), "no password for " + name);
            OntapRestServer server = bind(port, "ONTAP " + name, () -> OntapRestServer.builder(ontap, name,
                    ontapUser, password).host(host).port(port).start());
            servers.add(server);
            List<String> svms = ontap.cluster(name).svms().stream().map(SvmRecord::name).toList();
            ontaps.add(new Ontap(name, ontap.cluster(name).site(), server.endpoint(), svms, ontapUser));
            next = portBase == 0 ? 0 : next + 1;
        }
        for (S3Store store : world.stores()) {
            int port = next;
            S3Credentials key = world.accessKey(store.name());
            S3Server server = bind(port, "S3 " + store.name(), () -> S3Server.start(store, List.of(key),
                    S3Server.DEFAULT_REGION, host, port));
            servers.add(server);
            List<String> buckets = store.listBuckets().stream().map(BucketInfo::name).toList();
            stores.add(new S3(store.name(), store.site(), endpoint(host, server.port()), S3Server.DEFAULT_REGION,
                    buckets));
            next = portBase == 0 ? 0 : next + 1;
        }
    }

    /** Every emulator of the world must hand out the world's lock; anything else would let two servers race. */
    private static void requireOneLock(SimWorld world) {
        ReentrantLock lock = world.world().lock();
        boolean one = world.ontap().lock() == lock && world.stores().stream().allMatch(s -> s.lock() == lock)
                && world.clusters().stream().allMatch(c -> c.apiServer().lock() == lock);
        if (!one) {
            throw new ScenarioException("the emulators of this world do not share the world's lock");
        }
    }

    private static <T> T bind(int port, String what, Supplier<T> start) {
        try {
            return start.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new PortTakenException(port, what, e);
                }
            }
            throw e;
        }
    }

    private static URI endpoint(String host, int port) {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    public SimWorld world() {
        return world;
    }

    public List<Kube> kubernetes() {
        return List.copyOf(kubes);
    }

    public List<Ontap> ontap() {
        return List.copyOf(ontaps);
    }

    public List<S3> s3() {
        return List.copyOf(stores);
    }

    /** The one lock every server, the clock pump and owner code take: the world's. */
    public ReentrantLock lock() {
        return world.world().lock();
    }

    /** Lets simulated time pass under the lock. */
    public void advance(Duration duration) {
        withLock(() -> world.advance(duration));
    }

    public <T> T withLock(Supplier<T> action) {
        return Locked.call(lock(), action);
    }

    public void withLock(Runnable action) {
        Locked.run(lock(), action);
    }

    /** Stops every server (open watches and exec sessions end first), the last started first. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = servers.size() - 1; i >= 0; i--) {
            try {
                servers.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new ScenarioException("stopping a server failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        servers.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
