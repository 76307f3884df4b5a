package io.mirrordrill.emulator.s3;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ResponseLostException;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.sim.BodyLimit;

import java.io.IOException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The S3 REST protocol over an {@link S3Store}, on Javalin: path-style addressing ({@code /bucket/key}), AWS
 * Signature V4 checked against the configured access keys (all payload modes the AWS SDK sends, see
 * {@link Payload}), errors as S3's XML documents. Bound to the given host (127.0.0.1 by default) and port
 * (0 for an ephemeral one). The operations it serves, multipart uploads and conditional reads among them, are listed
 * in {@code docs/s3-server.md}.
 *
 * <p>Jetty serves requests on many threads but the store and its world are single-threaded, so every request runs
 * its store operation while holding {@link S3Store#lock()}; signature checks and body decoding happen outside it.
 * Requests reach the store as a caller at the store's own site; store faults apply. A lost response (or an
 * unreachable store site) closes the connection without an answer, as a real network failure would.
 */
public final class S3Server implements AutoCloseable {
    public static final String DEFAULT_REGION = "us-east-1";
    private static final long MAX_REQUEST_BYTES = 64L * 1024 * 1024;
    private static final int KEEP_RECEIVED = 100;

    private final S3Store store;
    private final S3Operations operations;
    private final SigV4 sigV4;
    private final BodyLimit bodyLimit = new BodyLimit(MAX_REQUEST_BYTES);
    private final AtomicLong requestIds = new AtomicLong();
    private final Deque<Received> received = new ArrayDeque<>();
    private final Javalin app;
    private ServerConnector tlsConnector;

    private S3Server(S3Store store, List<S3Credentials> credentials, String region, String host, int port,
                     SSLContext tls) {
        this.store = store;
        this.operations = new S3Operations(store.port(store.site()), credentials.get(0).accessKeyId(), region);
        this.sigV4 = new SigV4(new AccessKeys(credentials), region);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.compressionStrategy = CompressionStrategy.NONE;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            // Jetty's header cache otherwise hands back a cached value differing in case from what was sent (such
            // as "charset=utf-8" for the SDK's "charset=UTF-8"), and a signed header must be checked as sent
            cfg.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            if (tls != null) {
                // an added connector replaces Javalin's default one, so the plain-HTTP side is added back first
                cfg.jetty.addConnector((server, http) -> {
                    ServerConnector plain = new ServerConnector(server, new HttpConnectionFactory(http));
                    plain.setHost(host);
                    plain.setPort(port);
                    return plain;
                });
                cfg.jetty.addConnector((server, http) -> tlsConnector(server, http, tls, host));
            }
            for (String path : List.of("/", "/{bucket}", "/{bucket}/<key>")) {
                route(cfg.routes, path, this::handle);
            }
        });
    }

    /** Starts a server on {@code 127.0.0.1} at an ephemeral port, region us-east-1. */
    public static S3Server start(S3Store store, List<S3Credentials> credentials) {
        return start(store, credentials, DEFAULT_REGION, "127.0.0.1", 0);
    }

    public static S3Server start(S3Store store, List<S3Credentials> credentials, String region, String host,
                                 int port) {
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("an S3 server needs at least one access key");
        }
        return start(new S3Server(store, List.copyOf(credentials), region, host, port, null));
    }

    /**
     * Starts a server that also answers HTTPS on a second ephemeral port of 127.0.0.1, with the certificate of
     * {@code tls}; {@link #endpoint()} then names the HTTPS side.
     */
    public static S3Server startTls(S3Store store, List<S3Credentials> credentials, SSLContext tls) {
        return start(new S3Server(store, List.copyOf(credentials), DEFAULT_REGION, "127.0.0.1", 0, tls));
    }

    private static S3Server start(S3Server server) {
        server.app.start();
        return server;
    }

    private ServerConnector tlsConnector(Server server, HttpConfiguration http, SSLContext tls, String host) {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setSslContext(tls);
        tlsConnector = new ServerConnector(server, new SslConnectionFactory(factory, "http/1.1"),
                new HttpConnectionFactory(http));
        tlsConnector.setHost(host);
        tlsConnector.setPort(0);
        return tlsConnector;
    }

    /** The plain-HTTP port. */
    public int port() {
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector != tlsConnector && connector instanceof ServerConnector plain) {
                return plain.getLocalPort();
            }
        }
        throw new IllegalStateException("the S3 server has no plain-HTTP connector");
    }

    /** {@code http://127.0.0.1:<port>} (or the {@code https://} side of a TLS server), the endpoint for clients. */
    public URI endpoint() {
        return tlsConnector == null ? URI.create("http://127.0.0.1:" + port())
                : URI.create("https://127.0.0.1:" + tlsConnector.getLocalPort());
    }

    /** The plain-HTTP endpoint, also open on a TLS server. */
    public URI httpEndpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** What arrived on the wire, for tests that check how clients sign and frame requests. */
    public record Received(String method, String path, String payloadMode, String contentEncoding, String range,
                           String ifMatch, int status) {}

    /** The last {@value #KEEP_RECEIVED} requests, oldest first. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void route(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.put(path, handler);
        routes.head(path, handler);
        routes.delete(path, handler);
        routes.post(path, handler);
    }

    private void handle(Context ctx) throws IOException {
        String requestId = String.format("%016X", requestIds.incrementAndGet());
        ctx.header("x-amz-request-id", requestId);
        S3Operations.Target target = S3Operations.Target.parse(ctx.req().getRequestURI());
        SigV4.Request request = new SigV4.Request(ctx.method().name(), ctx.req().getRequestURI(),
                ctx.req().getQueryString(), name -> Collections.list(ctx.req().getHeaders(name)));
        boolean hasBody = ctx.method().name().equals("PUT") || ctx.method().name().equals("POST");
        long declared = BodyLimit.declared(ctx.req().getContentLengthLong(), ctx.header("Transfer-Encoding"));
        byte[] raw = null;
        try {
            // the request is judged by its headers (size, then the signature) before any byte of its body is read
            if (hasBody && bodyLimit.refuses(declared)) {
                throw tooLarge(declared, target);
            }
            SigV4.Verified auth = sigV4.verify(request, target.bucket(), target.key());
            raw = hasBody ? bodyLimit.read(ctx.req().getInputStream(), declared) : null;
            if (hasBody && raw == null) {
                throw tooLarge(declared, target);
            }
            byte[] body = raw != null ? Payload.decode(auth, request, raw, target.bucket(), target.key()) : new byte[0];
            store.lock().lock();
            try {
                operations.dispatch(ctx, request, target, body);
            } finally {
                store.lock().unlock();
            }
        } catch (ResponseLostException | UnreachableException e) {
            dropConnection(ctx);
        } catch (NotModifiedException e) {
            ctx.status(304);
            ctx.header("ETag", "\"" + e.info().etag() + "\"");
            ctx.header("Last-Modified", S3Xml.httpDate(e.info().lastModified()));
        } catch (ObjectStoreException e) {
            if (hasBody && raw == null && !bodyLimit.discard(() -> ctx.req().getInputStream(),
                    declared, "100-continue".equalsIgnoreCase(ctx.header("Expect")))) {
                ctx.header("Connection", "close"); // the rest of the body is never read
            }
            error(ctx, e, target, requestId);
        } catch (RuntimeException e) {
            // a bug of the emulator still answers the way S3 answers its own failures, with the cause attached
            error(ctx, new ObjectStoreException(500, S3Errors.INTERNAL_ERROR, "We encountered an internal error. "
                    + "Please try again. (" + e + ")", target.bucket(), target.key(), e), target, requestId);
        } finally {
            remember(new Received(request.method(), request.rawPath(), request.header("x-amz-content-sha256"),
                    request.header("Content-Encoding"), request.header("Range"), request.header("If-Match"),
                    ctx.statusCode()));
        }
    }

    private void remember(Received r) {
        synchronized (received) {
            if (received.size() == KEEP_RECEIVED) {
                received.removeFirst();
            }
            received.addLast(r);
        }
    }

    private ObjectStoreException tooLarge(long declared, S3Operations.Target target) {
        return new ObjectStoreException(413, S3Errors.ENTITY_TOO_LARGE, "Your proposed upload exceeds the maximum"
                + " allowed size" + (declared > 0 ? " (" + declared + " bytes)" : "") + ": this server takes at most "
                + bodyLimit.maxBytes() + " bytes per request; use a multipart upload", target.bucket(), target.key());
    }

    /** Bytes read from request bodies so far: a refused request reads none (tests check it). */
    public long bodyBytesRead() {
        return bodyLimit.bytesRead();
    }

    private static void error(Context ctx, ObjectStoreException e, S3Operations.Target target, String requestId) {
        ctx.status(e.httpStatus());
        if (!ctx.method().name().equals("HEAD")) {
            ctx.contentType("application/xml");
            ctx.result(S3Xml.error(e, target.resource(), requestId).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The client sees the connection close with no response, so it cannot know whether the request took effect. */
    private static void dropConnection(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        request.getConnectionMetaData().getConnection().getEndPoint().close();
    }

    static ObjectStoreException notImplemented(String what, S3Operations.Target target) {
        return new ObjectStoreException(501, S3Errors.NOT_IMPLEMENTED,
                "A header or parameter you provided implies functionality that is not implemented: " + what,
                target.bucket(), target.key());
    }
}
