package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsConnectContext;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.sim.BodyLimit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** The API server's limit on a request body (its MaxRequestBodyBytes: 3 MiB). */
    static final long MAX_BODY_BYTES = 3L * 1024 * 1024;

    private final ServedCluster served;
    private final Streams streams;
    private final ResourceRequests resources;
    private final PodLogRequests logs;
    private final BodyLimit bodyLimit = new BodyLimit(MAX_BODY_BYTES);

    Requests(ServedCluster served, Streams streams, PodLogRequests logs) {
        this.served = served;
        this.streams = streams;
        this.logs = logs;
        this.resources = new ResourceRequests(served);
    }

    /** Before any route: a request without the token gets 401 and nothing else runs. */
    void authenticate(Context ctx, BearerToken token) {
        if (!token.admits(ctx)) {
            ctx.attribute(ANSWERED, Boolean.TRUE);
            leaveBodyUnread(ctx);
            BearerToken.unauthorized().write(ctx);
            ctx.skipRemainingHandlers();
        }
    }

    /** A refusal decided from the headers: a short body is dropped, a longer one closes the connection unread. */
    private void leaveBodyUnread(Context ctx) {
        if (!bodyLimit.discard(() -> ctx.req().getInputStream(), BodyLimit.declared(ctx.req().getContentLengthLong(),
                ctx.header("Transfer-Encoding")), "100-continue".equalsIgnoreCase(ctx.header("Expect")))) {
            ctx.header("Connection", "close");
        }
    }

    /** Bytes read from request bodies so far. */
    long bodyBytesRead() {
        return bodyLimit.bytesRead();
    }

    /** Before a websocket upgrade (watch, exec): the same check, refused before any protocol switch. */
    void authenticateUpgrade(Context ctx, BearerToken token) {
        if (!token.admits(ctx)) {
            refuse(ctx, BearerToken.unauthorized());
        }
    }

    void http(Context ctx) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        HandlerType method = ctx.method();
        boolean hasBody = method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH;
        boolean readsBody = hasBody || method == HandlerType.DELETE; // a DELETE's body is its DeleteOptions
        long declared = BodyLimit.declared(ctx.req().getContentLengthLong(), ctx.header("Transfer-Encoding"));
        try {
            // the declared size is judged before any byte is read; a body without one is read up to the limit
            byte[] body = readsBody && !bodyLimit.refuses(declared)
                    ? bodyLimit.read(ctx.req().getInputStream(), declared) : null;
            if (readsBody) {
                if (body == null) {
                    leaveBodyUnread(ctx);
                    new Reply(413, Statuses.failure(413, "RequestEntityTooLarge", "Request entity too large: limit"
                            + " is " + bodyLimit.maxBytes())).write(ctx);
                    return;
                }
            }
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
            Optional<String> aggregated = path.type() == ApiPath.Type.API_ROOT || path.type() == ApiPath.Type.APIS_ROOT
                    ? AggregatedDiscovery.requested(ctx.header("Accept")) : Optional.empty();
            if (aggregated.isPresent()) {
                JsonNode list = served.locked(() -> aggregatedDiscovery(path, aggregated.get()));
                ctx.header("Vary", "Accept");
                ctx.status(200).contentType(AggregatedDiscovery.contentType(aggregated.get())).result(
                        Reply.bytes(list));
                return;
            }
            String contentType = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim();
            List<String> warnings = new ArrayList<>();
            Reply reply = served.locked(() -> {
                if (path.type() != ApiPath.Type.RESOURCE) {
                    return discovery(path);
                }
                byte[] checked = hasBody ? validated(method, path, ctx.queryParam("fieldValidation"), contentType,
                        body, warnings) : body;
                Reply answer = DryRun.requested(method, ctx.queryParamMap())
                        ? served.cluster().dryRun(() -> resources.handle(method, path, ctx.queryParamMap(),
                                contentType, checked, ctx.userAgent()))
                        : resources.handle(method, path, ctx.queryParamMap(), contentType, checked, ctx.userAgent());
                Optional<String> table = Tables.requested(ctx.header("Accept"));
                if (table.isPresent() && method == HandlerType.GET && answer.status() == 200
                        && path.subresource() == null) {
                    answer = new Reply(200, Tables.table(table.get(), Tables.printer(KindDefinitions.of(
                            served.kind(path), served.port())), answer.body(), ctx.queryParam("includeObject"),
                            served.cluster().world().now(), true));
                }
                return answer;
            });
            warnings.forEach(w -> ctx.res().addHeader("Warning", "299 - " + Reply.quoted(w)));
            reply.write(ctx);
        } catch (IOException e) {
            Reply.dropConnection(ctx); // the client went away while sending its body
        } catch (UnreachableException e) {
            Reply.dropConnection(ctx);
        } catch (StatusError e) {
            new Reply(e.code(), e.status()).write(ctx);
        } catch (KubernetesException e) {
            new Reply(e.code(), Statuses.of(e, served.cluster().kinds())).write(ctx);
        } catch (RuntimeException e) {
            new Reply(500, Statuses.failure(500, "InternalError", "Internal error occurred: " + e)).write(ctx);
        }
    }

    /**
     * The body after field validation ({@link FieldValidation}) of a create, update or merge/strategic patch; other
     * patch types go on unchecked. Call under the lock.
     */
    private byte[] validated(HandlerType method, ApiPath path, String directive, String contentType, byte[] body,
                             List<String> warnings) {
        boolean patch = method == HandlerType.PATCH;
        if (patch && !contentType.equals(Patches.MERGE)
                && !contentType.equals(Patches.STRATEGIC)) {
            return body;
        }
        FieldValidation.Directive d = FieldValidation.directive(directive, method.name());
        FieldValidation.Checked checked = FieldValidation.check(KindDefinitions.of(served.kind(path), served.port()),
                body, d);
        warnings.addAll(checked.warnings());
        return checked.body();
    }

    /** {@code /api} or {@code /apis} as one aggregated list, from the legacy documents; under the lock. */
    private JsonNode aggregatedDiscovery(ApiPath path, String version) {
        var kinds = served.port().kinds(); // also checks that the cluster is reachable
        Map<String, List<ObjectNode>> groups = new LinkedHashMap<>();
        boolean exec = served.shell().isPresent();
        if (path.type() == ApiPath.Type.API_ROOT) {
            Discovery.resources(kinds, "", "v1", exec, k -> KindDefinitions.of(k, served.port()))
                    .ifPresent(list -> groups.put("", List.of(list)));
        } else {
            for (JsonNode group : Discovery.groups(kinds).path("groups")) {
                String name = group.path("name").asText();
                String preferred = group.path("preferredVersion").path("version").asText();
                List<String> versions = new ArrayList<>(List.of(preferred));
                group.path("versions").forEach(v -> {
                    if (!v.path("version").asText().equals(preferred)) {
                        versions.add(v.path("version").asText());
                    }
                });
                List<ObjectNode> lists = new ArrayList<>();
                for (String v : versions) {
                    Discovery.resources(kinds, name, v, exec, k -> KindDefinitions.of(k, served.port()))
                            .ifPresent(lists::add);
                }
                groups.put(name, lists);
            }
        }
        return AggregatedDiscovery.of(version, groups);
    }

    private Reply discovery(ApiPath path) {
        var kinds = served.port().kinds(); // also checks that the cluster is reachable
        Optional<? extends JsonNode> body = switch (path.type()) {
            case VERSION -> Optional.of(Discovery.version());
            case API_ROOT -> Optional.of(Discovery.coreVersions());
            case APIS_ROOT -> Optional.of(Discovery.groups(kinds));
            case GROUP -> Discovery.group(kinds, path.group());
            default -> Discovery.resources(kinds, path.group(), path.version(), served.shell().isPresent(),
                    k -> KindDefinitions.of(k, served.port()));
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
