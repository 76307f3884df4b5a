package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsConnectContext;
import io.mirrordrill.engine.port.UnreachableException;
import io.mirrordrill.engine.port.kubernetes.KubernetesException;

import java.io.IOException;
import java.util.Optional;

/**
 * Runs one request: the body read outside the lock, the path taken apart, discovery or the resource verbs under the
 * lock, the answer written outside it. A {@link KubernetesException} becomes its Status with its HTTP code; a cluster
 * the client cannot reach closes the connection unanswered; a bug of the emulator is a 500 InternalError Status.
 */
final class Requests {
    /** Thrown to stop a websocket upgrade after the refusal has been written. */
    static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }

    /** Set once an answer is written, so Javalin's 404/405 pages do not replace it. */
    private static final String ANSWERED = "k8s.answered";

    private final ServedCluster served;
    private final Streams streams;
    private final ResourceRequests resources;
    private final PodLogRequests logs;

    Requests(ServedCluster served, Streams streams, PodLogRequests logs) {
        this.served = served;
        this.streams = streams;
        this.logs = logs;
        this.resources = new ResourceRequests(served);
    }

    void http(Context ctx) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        HandlerType method = ctx.method();
        boolean hasBody = method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH;
        byte[] body = hasBody ? ctx.bodyAsBytes() : null;
        try {
            Optional<ApiPath> parsed = ApiPath.parse(ctx.path());
            if (parsed.isEmpty()) {
                unrouted(ctx, 404);
                return;
            }
            ApiPath path = parsed.get();
            if (path.type() == ApiPath.Type.RESOURCE && method == HandlerType.GET && path.name() == null
                    && Streams.isWatch(ctx.queryParamMap())) {
                streams.httpWatch(ctx, path);
                return;
            }
            if (path.type() == ApiPath.Type.RESOURCE && PodLogRequests.isLog(path)) {
                if (method != HandlerType.GET) {
                    unrouted(ctx, 405);
                } else {
                    logs.serve(ctx, path);
                }
                return;
            }
            if (path.type() != ApiPath.Type.RESOURCE && method != HandlerType.GET) {
                unrouted(ctx, 405);
                return;
            }
            String contentType = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim();
            Reply reply = served.locked(() -> path.type() == ApiPath.Type.RESOURCE
                    ? resources.handle(method, path, ctx.queryParamMap(), contentType, body)
                    : discovery(path));
            reply.write(ctx);
        } catch (UnreachableException e) {
            Reply.dropConnection(ctx);
        } catch (KubernetesException e) {
            new Reply(e.code(), Statuses.of(e, served.cluster().kinds())).write(ctx);
        } catch (RuntimeException e) {
            new Reply(500, Statuses.failure(500, "InternalError", "Internal error occurred: " + e)).write(ctx);
        }
    }

    private Reply discovery(ApiPath path) {
        var kinds = served.port().kinds(); // also checks that the cluster is reachable
        Optional<? extends JsonNode> body = switch (path.type()) {
            case VERSION -> Optional.of(Discovery.version());
            case API_ROOT -> Optional.of(Discovery.coreVersions());
            case APIS_ROOT -> Optional.of(Discovery.groups(kinds));
            case GROUP -> Discovery.group(kinds, path.group());
            default -> Discovery.resources(kinds, path.group(), path.version(), served.shell().isPresent());
        };
        return body.<Reply>map(b -> new Reply(200, b))
                .orElseGet(() -> new Reply(404, Statuses.failure(404, "NotFound", Statuses.NO_RESOURCE)));
    }

    /** A path or method the API has no route for. */
    void unrouted(Context ctx) {
        if (ctx.attribute(ANSWERED) == null) {
            unrouted(ctx, ctx.status().getCode());
        }
    }

    private static void unrouted(Context ctx, int code) {
        Reply reply = code == 405
                ? new Reply(405, Statuses.failure(405, "MethodNotAllowed",
                        "the server does not allow this method on the requested resource"))
                : new Reply(404, Statuses.failure(404, "NotFound", Statuses.NO_RESOURCE));
        ctx.attribute(ANSWERED, Boolean.TRUE);
        reply.write(ctx);
    }

    // ---- websockets -----------------------------------------------------------------------------------------------

    /** Refuses an upgrade the API server would refuse, with its Status, before any protocol switch. */
    void beforeUpgrade(Context ctx) {
        try {
            ApiPath path = ApiPath.parse(ctx.path()).filter(p -> p.type() == ApiPath.Type.RESOURCE)
                    .orElseThrow(() -> new KubernetesException(404, "NotFound", Statuses.NO_RESOURCE, null, null,
                            null));
            streams.beforeUpgrade(ctx, path);
        } catch (UnreachableException e) {
            Reply.dropConnection(ctx);
            throw new Refused();
        } catch (KubernetesException e) {
            refuse(ctx, new Reply(e.code(), Statuses.of(e, served.cluster().kinds())));
        }
    }

    /** A websocket of {@code /api/...} or {@code /apis/...} ({@code prefix}) is open: start its watch or exec. */
    void onConnect(WsConnectContext ctx, String prefix) {
        ApiPath path = ApiPath.parse(prefix + ctx.pathParam("path")).orElseThrow();
        try {
            streams.onConnect(ctx, path);
        } catch (UnreachableException e) {
            ctx.session.disconnect();
        } catch (KubernetesException e) {
            ctx.closeSession(WsCloseStatus.SERVER_ERROR, e.getMessage());
        }
    }

    /** Writes the refusal straight to the servlet response: Javalin does not write results of upgrade requests. */
    private static void refuse(Context ctx, Reply reply) {
        try {
            ctx.res().setStatus(reply.status());
            ctx.res().setContentType(Reply.JSON);
            ctx.res().getOutputStream().write(Reply.bytes(reply.body()));
            ctx.res().flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing more to do
        }
        throw new Refused();
    }
}
