package io.mirrordrill.emulator.ontap.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.sim.BasicAuth;
import io.mirrordrill.sim.BodyLimit;

import java.io.IOException;
import java.util.concurrent.locks.Lock;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Runs one request: Basic authentication (401 otherwise), the body parsed and flattened outside the lock, the route
 * under the emulator's lock, the answer written outside it. An {@link OntapException} becomes ONTAP's error body
 * with its HTTP status; a cluster the server cannot reach (its site is down) closes the connection unanswered, as a
 * dead management LIF would.
 */
final class Dispatcher {
    static final String CONTENT_TYPE = "application/hal+json";
    /** Set once an answer is written, so Javalin's 404/405 pages do not replace an ONTAP error. */
    private static final String ANSWERED = "ontap.answered";
    /** (chosen) The code of an emulator bug reported as a 500; ONTAP documents none for it. */
    static final String INTERNAL_ERROR = "5";
    /** (chosen) The largest request body taken; ONTAP's requests are small JSON documents. */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    private final OntapPort port;
    private final Lock lock;
    private final BasicAuth auth;
    private final BodyLimit bodyLimit;

    Dispatcher(OntapPort port, Lock lock, BasicAuth auth) {
        this.port = port;
        this.lock = lock;
        this.auth = auth;
        this.bodyLimit = new BodyLimit(MAX_BODY_BYTES);
    }

    /** The routes of the route groups, each wrapped in this dispatcher. */
    Route.Table table(RoutesConfig routes) {
        return new Route.Table() {
            @Override
            public void get(String path, Route route) {
                routes.get(path, handler(route));
            }

            @Override
            public void post(String path, Route route) {
                routes.post(path, handler(route));
            }

            @Override
            public void patch(String path, Route route) {
                routes.patch(path, handler(route));
            }

            @Override
            public void delete(String path, Route route) {
                routes.delete(path, handler(route));
            }
        };
    }

    private Handler handler(Route route) {
        return ctx -> dispatch(ctx, route);
    }

    private void dispatch(Context ctx, Route route) {
        // the request is judged by its headers (credentials, then declared size) before its body is read
        boolean hasBody = ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PATCH;
        long declared = BodyLimit.declared(ctx.req().getContentLengthLong(), ctx.header("Transfer-Encoding"));
        if (!auth.accepts(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Basic realm=\"ONTAP\"");
            refuse(ctx, hasBody, declared, new OntapException(401, OntapErrors.PERMISSION_DENIED,
                    "Authentication failed: not authorized for that command", null));
            return;
        }
        try {
            byte[] raw = null;
            if (hasBody) {
                raw = bodyLimit.refuses(declared) ? null : bodyLimit.read(ctx.req().getInputStream(), declared);
                if (raw == null) {
                    refuse(ctx, true, declared, new OntapException(413, OntapErrors.INVALID, "Request entity too"
                            + " large: this server takes at most " + bodyLimit.maxBytes() + " bytes of JSON per"
                            + " request" + (declared > 0 ? ", the request declared " + declared : ""), null));
                    return;
                }
            }
            RequestBody body = hasBody ? RequestBody.parse(raw) : RequestBody.EMPTY;
            Call call = new Call(port, ctx.path(), ctx.queryParamMap(), body, ctx::pathParam);
            Reply reply;
            lock.lock();
            try {
                reply = route.handle(call);
            } finally {
                lock.unlock();
            }
            write(ctx, reply);
        } catch (IOException e) {
            dropConnection(ctx); // the client went away while sending its body
        } catch (UnreachableException e) {
            dropConnection(ctx);
        } catch (OntapException e) {
            error(ctx, e);
        } catch (RuntimeException e) {
            error(ctx, new OntapException(500, INTERNAL_ERROR, "Internal error of the ONTAP emulator: " + e, null));
        }
    }

    /** An answer given without reading the body: a short body is dropped, a long one closes the connection. */
    private void refuse(Context ctx, boolean hasBody, long declared, OntapException e) {
        if (hasBody && !bodyLimit.discard(() -> ctx.req().getInputStream(), declared, "100-continue".equalsIgnoreCase(
                ctx.header("Expect")))) {
            ctx.header("Connection", "close");
        }
        error(ctx, e);
    }

    /** Bytes read from request bodies so far. */
    long bodyBytesRead() {
        return bodyLimit.bytesRead();
    }

    /** ONTAP's answer to an unknown path or method. */
    void notFound(Context ctx) {
        if (ctx.attribute(ANSWERED) == null) {
            error(ctx, new OntapException(404, OntapErrors.NOT_FOUND, "API not found: " + ctx.method() + " "
                    + ctx.path(), null));
        }
    }

    private static void write(Context ctx, Reply reply) {
        try {
            ctx.attribute(ANSWERED, Boolean.TRUE);
            ctx.status(reply.status()).contentType(CONTENT_TYPE).result(Json.MAPPER.writeValueAsBytes(reply.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON answer", e);
        }
    }

    static void error(Context ctx, OntapException e) {
        Json body = Json.object().put("error.message", e.getMessage()).put("error.code", e.code())
                .put("error.target", e.target());
        write(ctx, new Reply(e.httpStatus(), body.node()));
    }

    private static void dropConnection(Context ctx) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        request.getConnectionMetaData().getConnection().getEndPoint().close();
    }
}
