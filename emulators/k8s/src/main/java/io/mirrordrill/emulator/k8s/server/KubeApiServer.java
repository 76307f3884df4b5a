package io.mirrordrill.emulator.k8s.server;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.javalin.websocket.WsConfig;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.k8s.cluster.PodLogs;
import io.mirrordrill.emulator.k8s.cluster.PodShell;
import io.mirrordrill.sim.Locked;

import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The Kubernetes REST API of one emulated cluster, on Javalin: discovery, resources of every kind the cluster serves
 * (CRDs included) with the store's semantics, watches (chunked HTTP and websocket) and, given the cluster's
 * {@link PodShell}, {@code pods/exec} over websockets. Bound to 127.0.0.1 on an ephemeral port by default, plain
 * HTTP unless given a {@link Builder#tls key}; given a {@link Builder#token bearer token}, every request (websocket
 * upgrades included) must carry it, otherwise anyone who reaches the port is served. Requests reach the cluster as a client at the cluster's own site
 * (or the configured client site), so network faults apply: an unreachable cluster closes connections unanswered.
 *
 * <p><b>Threads and time.</b> Jetty serves requests on many threads; the cluster and its world are single-threaded,
 * so every touch of them runs under one lock ({@link KubernetesCluster#lock()} unless another is given), also the
 * owner's ({@link #withLock}, {@link #advance}). The server never moves simulated time: watch events and the
 * outcome of an exec that sleeps are events of the world and reach clients when the owner lets time pass.
 */
public final class KubeApiServer implements AutoCloseable {
    private final KubernetesCluster cluster;
    private final ReentrantLock lock;
    private final Streams streams;
    private final PodLogRequests logs;
    private final Requests requests;
    private final Javalin app;
    private final boolean tls;

    private KubeApiServer(Builder b) {
        this.cluster = b.cluster;
        this.tls = b.keyStore != null;
        this.lock = b.lock != null ? b.lock : b.cluster.lock();
        String site = b.clientSite != null ? b.clientSite : cluster.site();
        ServedCluster served = new ServedCluster(cluster, cluster.port(site), b.shell, lock);
        this.streams = new Streams(served);
        this.logs = new PodLogRequests(served, b.logs);
        this.requests = new Requests(served, streams, logs);
        OpenApiRequests openApi = new OpenApiRequests(served);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.compressionStrategy = CompressionStrategy.NONE;
            cfg.jetty.host = b.host;
            cfg.jetty.port = b.port;
            if (b.keyStore != null) {
                // the only connector: Javalin adds its plain one only when none is configured
                cfg.jetty.addConnector((server, http) -> {
                    SslContextFactory.Server ssl = new SslContextFactory.Server();
                    ssl.setKeyStore(b.keyStore);
                    ssl.setKeyStorePassword(b.keyStorePassword);
                    HttpConfiguration https = new HttpConfiguration(http);
                    https.addCustomizer(new SecureRequestCustomizer(false));
                    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                            new HttpConnectionFactory(https));
                    connector.setHost(b.host);
                    connector.setPort(b.port);
                    return connector;
                });
            }
            RoutesConfig routes = cfg.routes;
            if (b.token != null) {
                BearerToken token = new BearerToken(b.token);
                routes.before(ctx -> requests.authenticate(ctx, token));
                routes.wsBeforeUpgrade(ctx -> requests.authenticateUpgrade(ctx, token));
            }
            if (b.audit != null) {
                routes.before(ctx -> audit(b.audit, ctx.method().name(), ctx.path(), ctx.queryParamMap(),
                        ctx.userAgent()));
                routes.wsBeforeUpgrade(ctx -> audit(b.audit, "GET", ctx.path(), ctx.queryParamMap(),
                        ctx.userAgent()));
            }
            for (String path : new String[] {"/version", "/api", "/apis", "/api/<path>", "/apis/<path>"}) {
                for (HandlerType method : new HandlerType[] {HandlerType.GET, HandlerType.POST, HandlerType.PUT,
                        HandlerType.PATCH, HandlerType.DELETE}) {
                    routes.addHttpHandler(method, path, requests::http);
                }
            }
            routes.get("/openapi/<path>", openApi::handle);
            for (String prefix : new String[] {"/api/", "/apis/"}) {
                routes.wsBeforeUpgrade(prefix + "<path>", requests::beforeUpgrade);
                routes.ws(prefix + "<path>", (WsConfig ws) -> {
                    ws.onConnect(ctx -> requests.onConnect(ctx, prefix));
                    ws.onClose(streams::onClose);
                    ws.onError(streams::onClose);
                });
            }
            routes.exception(Requests.Refused.class, (e, ctx) -> { });
            routes.error(404, requests::unrouted);
            routes.error(405, requests::unrouted);
        });
    }

    private static void audit(java.util.function.Consumer<AuditedRequest> audit, String method, String path,
                              java.util.Map<String, java.util.List<String>> query, String userAgent) {
        AuditedRequest r = AuditedRequest.of(method, path, query, userAgent);
        if (r != null) {
            audit.accept(r);
        }
    }

    /** A server for {@code cluster}; everything else has a default. */
    public static Builder builder(KubernetesCluster cluster) {
        return new Builder(cluster);
    }

    /** Bytes read from request bodies so far: a request refused by its headers reads none (tests check it). */
    public long bodyBytesRead() {
        return requests.bodyBytesRead();
    }

    /** The port the server listens on. */
    public int port() {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>} ({@code https} with {@link Builder#tls}): the master URL for clients. */
    public URI endpoint() {
        String host = app.jettyServer().server().getConnectors()[0] instanceof ServerConnector c && c.getHost() != null
                ? c.getHost() : "127.0.0.1";
        return URI.create((tls ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + port());
    }

    /** Lets simulated time pass: runs every event due within {@code duration} (watch deliveries too), locked. */
    public void advance(Duration duration) {
        withLock(() -> cluster.world().advance(duration));
    }

    /** Runs owner code (set-up, faults, assertions) under the server's lock. */
    public <T> T withLock(Supplier<T> action) {
        return Locked.call(lock, action);
    }

    public void withLock(Runnable action) {
        Locked.run(lock, action);
    }

    /** Ends open watches and exec sessions, then stops. */
    @Override
    public void close() {
        streams.closeAll();
        logs.closeAll();
        app.stop();
    }

    /** How to build a server; everything but the cluster has a default. */
    public static final class Builder {
        private final KubernetesCluster cluster;
        private String host = "127.0.0.1";
        private int port;
        private String clientSite;
        private PodShell shell;
        private PodLogs logs;
        private ReentrantLock lock;
        private String token;
        private KeyStore keyStore;
        private String keyStorePassword;
        private java.util.function.Consumer<AuditedRequest> audit;

        private Builder(KubernetesCluster cluster) {
            this.cluster = cluster;
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
            cluster.port(site); // rejects an unknown site now
            this.clientSite = site;
            return this;
        }

        /** Serves {@code pods/exec} with this shell (the cluster simulator's {@code exec()}); without it, 404. */
        public Builder exec(PodShell podShell) {
            this.shell = podShell;
            return this;
        }

        /** Serves {@code pods/log} from these logs (the cluster simulator's {@code logs()}); without them, 404. */
        public Builder logs(PodLogs podLogs) {
            this.logs = podLogs;
            return this;
        }

        /**
         * The lock to serialise on instead of the cluster's own: the one lock of a world that other servers (the
         * ONTAP emulator's, say) or a clock pump also take.
         */
        public Builder lock(ReentrantLock sharedLock) {
            this.lock = sharedLock;
            return this;
        }

        /**
         * Requires {@code Authorization: Bearer <bearerToken>} on every request (401 Unauthorized otherwise), as an
         * API server with token authentication and anonymous requests off; without it the server is open.
         */
        public Builder token(String bearerToken) {
            new BearerToken(bearerToken); // rejects a blank token now
            this.token = bearerToken;
            return this;
        }

        /** Serves HTTPS only, with the key and certificate in {@code keys} (e.g. PKCS12) under {@code password}. */
        public Builder tls(KeyStore keys, String password) {
            this.keyStore = keys;
            this.keyStorePassword = password;
            return this;
        }

        /**
         * Hears of every authenticated resource request before it runs (an audit log: which client used which verb on
         * which resource), on the request's thread, outside the lock.
         */
        public Builder audit(java.util.function.Consumer<AuditedRequest> listener) {
            this.audit = listener;
            return this;
        }

        public KubeApiServer start() {
            KindDefinitions.warmUp();
            KubeApiServer server = new KubeApiServer(this);
            server.app.start();
            return server;
        }
    }
}
