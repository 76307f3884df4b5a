package io.mirrordrill.emulator.element.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.mirrordrill.emulator.element.ElementEmulator;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.element.ElementErrors;
import io.mirrordrill.port.element.ElementException;
import io.mirrordrill.port.element.ElementPort;
import io.mirrordrill.sim.BasicAuth;
import io.mirrordrill.sim.BodyLimit;
import io.mirrordrill.sim.Locked;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Element JSON-RPC API of one emulated cluster, on Javalin: {@code POST /json-rpc/<version>} with a body
 * {@code {"method","params","id"}}, answered {@code {"id","result"}} or {@code {"id","error":{"code","name",
 * "message"}}} with HTTP 200, as Element answers API errors; HTTP 401 without the configured user's Basic
 * credentials. Bound to 127.0.0.1 by default (port 0 for an ephemeral one), plain HTTP. Requests reach the cluster
 * as a client at the cluster's own site (or the configured client site), so network faults apply: an unreachable
 * cluster closes connections unanswered.
 *
 * <p>Every request runs under the world's one lock ({@link ElementEmulator#lock()}). Simulated time does not move by
 * itself: the owner moves it with {@link #advance(Duration)}, so schedules fire when the test says.
 */
public final class ElementJsonRpcServer implements AutoCloseable {
    private static final Pattern VERSION = Pattern.compile("\\d{1,2}\\.\\d{1,2}");
    private static final String CONTENT_TYPE = "application/json";
    /** Element documents no request limit; JSON-RPC calls are small (*chosen*, as ONTAP REST's: docs/element.md). */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    private final ElementEmulator emulator;
    private final ElementPort port;
    private final BasicAuth auth;
    private final Methods methods = new Methods();
    private final BodyLimit bodyLimit = new BodyLimit(MAX_BODY_BYTES);
    private final Javalin app;

    private ElementJsonRpcServer(Builder b) {
        this.emulator = b.emulator;
        String site = b.clientSite != null ? b.clientSite : emulator.cluster(b.cluster).site();
        this.port = emulator.port(b.cluster, site);
        this.auth = new BasicAuth("an Element JSON-RPC server", b.username, b.password);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.compressionStrategy = CompressionStrategy.NONE;
            cfg.jetty.host = b.host;
            cfg.jetty.port = b.port;
            cfg.routes.post("/json-rpc/{version}", this::handle);
        });
    }

    /** A server for {@code cluster} of {@code emulator}, accepting {@code username}/{@code password}. */
    public static Builder builder(ElementEmulator emulator, String cluster, String username, String password) {
        return new Builder(emulator, cluster, username, password);
    }

    public int port() {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>/json-rpc/<version>}: the endpoint for clients of that API version. */
    public URI endpoint(String version) {
        return URI.create("http://127.0.0.1:" + port() + "/json-rpc/" + version);
    }

    /** Lets simulated time pass: runs every event due within {@code duration} under the world's lock. */
    public void advance(Duration duration) {
        withLock(() -> emulator.world().advance(duration));
    }

    /** Runs owner code (set-up, host I/O, faults, assertions) under the world's lock. */
    public <T> T withLock(Supplier<T> action) {
        return Locked.call(emulator.lock(), action);
    }

    public void withLock(Runnable action) {
        Locked.run(emulator.lock(), action);
    }

    @Override
    public void close() {
        app.stop();
    }

    private void handle(Context ctx) {
        // judged by its headers (credentials, version, declared size) before the body is read, as the other servers
        long declared = BodyLimit.declared(ctx.req().getContentLengthLong(), ctx.header("Transfer-Encoding"));
        if (!auth.accepts(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Basic realm=\"SolidFire\"");
            refuse(ctx, declared, 401, "Unauthorized");
            return;
        }
        if (!VERSION.matcher(ctx.pathParam("version")).matches()) {
            refuse(ctx, declared, 404, "Not Found");
            return;
        }
        byte[] raw;
        try {
            raw = bodyLimit.refuses(declared) ? null : bodyLimit.read(ctx.req().getInputStream(), declared);
        } catch (IOException e) {
            dropConnection(ctx); // the client went away while sending its body
            return;
        }
        if (raw == null) {
            refuse(ctx, declared, 413, "Request Entity Too Large: at most " + bodyLimit.maxBytes() + " bytes");
            return;
        }
        JsonNode request;
        try {
            request = Wire.JSON.readTree(raw);
        } catch (IOException e) {
            request = null;
        }
        JsonNode id = request != null && request.has("id") ? request.get("id") : null;
        ObjectNode answer = Wire.object();
        answer.set("id", id);
        try {
            if (request == null || !request.isObject() || !request.path("method").isTextual()) {
                throw new ElementException(ElementErrors.INVALID_JSON_RPC,
                        "The request is not a JSON-RPC request: an object with a method is expected");
            }
            String method = request.get("method").asText();
            JsonNode params = request.get("params");
            answer.set("result", Locked.call(emulator.lock(), () -> methods.call(port, method, params)));
        } catch (UnreachableException e) {
            dropConnection(ctx);
            return;
        } catch (ElementException e) {
            answer.set("error", error(e.code(), e.name(), e.getMessage()));
        } catch (RuntimeException e) {
            // an emulator bug, reported the way Element reports an internal failure
            answer.set("error", error(500, "xUnexpected", "Internal error of the Element emulator: " + e));
        }
        try {
            ctx.status(200).contentType(CONTENT_TYPE).result(Wire.JSON.writeValueAsBytes(answer));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a JSON-RPC answer", e);
        }
    }

    /** An answer given without reading the body: a short body is dropped, a long one closes the connection. */
    private void refuse(Context ctx, long declared, int status, String text) {
        if (!bodyLimit.discard(() -> ctx.req().getInputStream(), declared,
                "100-continue".equalsIgnoreCase(ctx.header("Expect")))) {
            ctx.header("Connection", "close");
        }
        ctx.status(status).contentType("text/plain").result(text);
    }

    /** Bytes read from request bodies so far: a refused request's body is not among them. */
    public long bodyBytesRead() {
        return bodyLimit.bytesRead();
    }

    private static ObjectNode error(int code, String name, String message) {
        return Wire.object().put("code", code).put("name", name).put("message", message);
    }

    private static void dropConnection(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        request.getConnectionMetaData().getConnection().getEndPoint().close();
    }

    /** How to build a server; everything but the cluster and the credentials has a default. */
    public static final class Builder {
        private final ElementEmulator emulator;
        private final String cluster;
        private final String username;
        private final String password;
        private String host = "127.0.0.1";
        private int port;
        private String clientSite;

        private Builder(ElementEmulator emulator, String cluster, String username, String password) {
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

        public ElementJsonRpcServer start() {
            ElementJsonRpcServer server = new ElementJsonRpcServer(this);
            server.app.start();
            return server;
        }
    }
}
