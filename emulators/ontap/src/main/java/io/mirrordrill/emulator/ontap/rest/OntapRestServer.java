package io.mirrordrill.emulator.ontap.rest;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.sim.BasicAuth;
import io.mirrordrill.sim.Locked;
import io.mirrordrill.sim.World;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The ONTAP REST API of one emulated cluster, on Javalin: what a client reaching the cluster's management LIF sees.
 * Bound to 127.0.0.1 by default (port 0 for an ephemeral one), plain HTTP or HTTPS, Basic authentication against
 * one configured user. Requests reach the cluster as a client at the cluster's own site (or the configured client
 * site), so network faults apply: an unreachable cluster closes connections unanswered.
 *
 * <p><b>Threads and time.</b> Jetty serves requests on many threads, but the emulator and its world are
 * single-threaded: every request runs its port call under {@link OntapEmulator#lock()}, the one lock shared by all
 * servers of an emulator. Simulated time does not move by itself and never during a request, so a mutating call
 * always answers 202 with a job that is still queued. Time moves in one of two ways:
 * <ul>
 *   <li><b>owner-driven</b> (the default, deterministic): the owner of the world calls {@link #advance(Duration)}
 *       (or does anything else under {@link #withLock}); the same requests and the same advances give the same
 *       trace. Tests use this.</li>
 *   <li><b>clock pump</b> ({@link Builder#clockPump(double)}): a <em>real-time</em> thread moves the world forward
 *       so that simulated time follows real time at the given speed, for interactive use (serve mode). The outcome
 *       of each job is the same; when it finishes depends on real time.</li>
 * </ul>
 */
public final class OntapRestServer implements AutoCloseable {
    private final OntapEmulator emulator;
    private final Javalin app;
    private final boolean tls;
    private final Dispatcher dispatcher;
    private RealTimeClockPump pump;

    private OntapRestServer(Builder b) {
        this.emulator = b.emulator;
        this.tls = b.tls != null;
        String site = b.clientSite != null ? b.clientSite : emulator.cluster(b.cluster).site();
        this.dispatcher = new Dispatcher(emulator.port(b.cluster, site), emulator.lock(),
                new BasicAuth("an ONTAP REST server", b.username, b.password));
        Listing listing = new Listing(b.pageSize);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.compressionStrategy = CompressionStrategy.NONE;
            cfg.jetty.host = b.host;
            cfg.jetty.port = b.port;
            if (b.tls != null) {
                // an added connector replaces Javalin's plain one: this server then answers HTTPS only
                cfg.jetty.addConnector((server, http) -> {
                    SslContextFactory.Server factory = new SslContextFactory.Server();
                    factory.setSslContext(b.tls);
                    // like a cluster reached by its management IP, any host name is answered (no SNI check)
                    HttpConfiguration https = new HttpConfiguration(http);
                    https.getCustomizers().removeIf(c -> c instanceof SecureRequestCustomizer);
                    SecureRequestCustomizer secure = new SecureRequestCustomizer();
                    secure.setSniHostCheck(false);
                    https.addCustomizer(secure);
                    ServerConnector connector = new ServerConnector(server,
                            new SslConnectionFactory(factory, "http/1.1"), new HttpConnectionFactory(https));
                    connector.setHost(b.host);
                    connector.setPort(b.port);
                    return connector;
                });
            }
            Route.Table table = dispatcher.table(cfg.routes);
            new ClusterRoutes(listing).register(table);
            new SvmRoutes(listing).register(table);
            new StorageRoutes(listing).register(table);
            new SnapMirrorRoutes(listing).register(table);
            cfg.routes.error(404, dispatcher::notFound);
            cfg.routes.error(405, dispatcher::notFound);
        });
    }

    /** A server for {@code cluster} of {@code emulator}, accepting {@code username}/{@code password}. */
    public static Builder builder(OntapEmulator emulator, String cluster, String username, String password) {
        return new Builder(emulator, cluster, username, password);
    }

    /** The port the server listens on. */
    public int port() {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>} or {@code https://...}: the base URL for clients. */
    public URI endpoint() {
        String host = app.jettyServer().server().getConnectors()[0] instanceof ServerConnector c && c.getHost() != null
                ? c.getHost() : "127.0.0.1";
        return URI.create((tls ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + port());
    }

    /** Bytes read from request bodies so far: a request refused by its headers reads none (tests check it). */
    public long bodyBytesRead() {
        return dispatcher.bodyBytesRead();
    }

    /** Lets simulated time pass: runs every event due within {@code duration} under the emulator's lock. */
    public void advance(Duration duration) {
        withLock(() -> emulator.world().advance(duration));
    }

    /** Runs owner code (set-up, data writes, faults, assertions) under the emulator's lock. */
    public <T> T withLock(Supplier<T> action) {
        return Locked.call(emulator.lock(), action);
    }

    public void withLock(Runnable action) {
        Locked.run(emulator.lock(), action);
    }

    @Override
    public void close() {
        if (pump != null) {
            pump.close();
        }
        app.stop();
    }

    /** How to build a server; everything but the cluster and the credentials has a default. */
    public static final class Builder {
        private final OntapEmulator emulator;
        private final String cluster;
        private final String username;
        private final String password;
        private String host = "127.0.0.1";
        private int port;
        private String clientSite;
        private int pageSize;
        private SSLContext tls;
        private double pumpSpeed;

        private Builder(OntapEmulator emulator, String cluster, String username, String password) {
            this.emulator = emulator;
            this.cluster = cluster;
            this.username = username;
            this.password = password;
            emulator.cluster(cluster);
        }

        /** The address to bind (default 127.0.0.1: loopback only). */
        public Builder host(String bindHost) {
            this.host = bindHost;
            return this;
        }

        /** The port to bind (default 0: an ephemeral port). */
        public Builder port(int bindPort) {
            this.port = bindPort;
            return this;
        }

        /** The site requests come from (default: the cluster's own site). */
        public Builder clientSite(String site) {
            emulator.world().network().isSiteUp(site); // rejects an unknown site now
            this.clientSite = site;
            return this;
        }

        /** Records per collection page when a client names no {@code max_records} (default 0: all at once). */
        public Builder pageSize(int records) {
            if (records < 0) {
                throw new IllegalArgumentException("page size is not negative: " + records);
            }
            this.pageSize = records;
            return this;
        }

        /** Serve HTTPS only, with the certificate of {@code context}. */
        public Builder tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        /**
         * Moves simulated time with real time, {@code speed} simulated seconds per real second, on a real-time
         * thread (see the class comment). Without it, time moves only by {@link OntapRestServer#advance}.
         */
        public Builder clockPump(double speed) {
            if (!(speed > 0)) {
                throw new IllegalArgumentException("clock pump speed must be positive: " + speed);
            }
            this.pumpSpeed = speed;
            return this;
        }

        public OntapRestServer start() {
            OntapRestServer server = new OntapRestServer(this);
            server.app.start();
            if (pumpSpeed > 0) {
                server.pump = new RealTimeClockPump(emulator, pumpSpeed);
            }
            return server;
        }
    }

    /**
     * REAL TIME: the only code of the emulators that reads the system clock and runs on a timer. Every
     * {@value #TICK_MILLIS} ms of real time it takes the emulator's lock and advances the world to
     * {@code start + elapsed real time x speed}. The target is absolute, so several pumps on one world (one per
     * served cluster) do not add up: the world follows the earliest started one. Time an owner advanced beyond the
     * target is kept; the pump waits for real time to catch up.
     */
    private static final class RealTimeClockPump implements AutoCloseable {
        private static final long TICK_MILLIS = 10;
        private final ScheduledExecutorService timer;

        RealTimeClockPump(OntapEmulator emulator, double speed) {
            World world = emulator.world();
            long realStart = System.nanoTime(); // REAL TIME
            Instant simulatedStart;
            emulator.lock().lock();
            try {
                simulatedStart = world.now();
            } finally {
                emulator.lock().unlock();
            }
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ontap-rest-clock-pump");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(() -> {
                long elapsed = (long) ((System.nanoTime() - realStart) * speed); // REAL TIME
                Instant target = simulatedStart.plusNanos(elapsed);
                emulator.lock().lock();
                try {
                    if (target.isAfter(world.now())) {
                        world.advance(Duration.between(world.now(), target));
                    }
                } catch (RuntimeException e) {
                    // an event that fails must not stop time for everybody else; the trace keeps the failure
                    world.record("ontap-rest", "clock pump: event failed: " + e);
                } finally {
                    emulator.lock().unlock();
                }
            }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
