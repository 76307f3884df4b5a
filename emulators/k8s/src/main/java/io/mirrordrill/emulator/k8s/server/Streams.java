package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * The long-lived requests: watches as a chunked HTTP stream of JSON lines ({@code kubectl get -w}) or as websocket
 * text messages (what fabric8 opens first), and exec sessions over websockets. Every open one is tracked so that
 * {@link #closeAll()} ends them when the server stops.
 */
final class Streams {
    /** Marks the end of an HTTP watch stream in its queue; {@link #BROKEN} a connection to drop instead. */
    private static final String END = "\u0000end";
    private static final String BROKEN = "\u0000broken";
    /** The request attribute carrying a websocket watch from its registration to its open socket. */
    private static final String WATCH = "k8s.watch";
    /** (chosen) How long a watch may see no change before the connection is closed; the API server has no limit. */
    private static final Duration WATCH_IDLE = Duration.ofHours(1);

    private record Registered(WatchStream stream, PendingSink sink) {
    }

    private final ServedCluster served;
    /** What ends each open stream, by websocket session id or HTTP stream number (sorted: no hash order). */
    private final Map<String, Runnable> open = new ConcurrentSkipListMap<>();
    /** What to release when a websocket client goes, by session id. */
    private final Map<String, Runnable> onClientGone = new ConcurrentSkipListMap<>();
    private final AtomicLong httpStreams = new AtomicLong();

    Streams(ServedCluster served) {
        this.served = served;
    }

    static boolean isWatch(Map<String, List<String>> query) {
        String watch = ResourceRequests.first(query, "watch");
        return "true".equals(watch) || "1".equals(watch);
    }

    // ---- watch over HTTP ------------------------------------------------------------------------------------------

    /** Serves one watch on the request's thread until the stream ends, the client goes or the server stops. */
    void httpWatch(Context ctx, ApiPath path) {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Optional<String> table = Tables.requested(ctx.header("Accept"));
        WatchStream stream = served.locked(() -> open(path, ctx.queryParamMap(), table, new WatchStream.Sink() {
            @Override
            public void send(String event) {
                queue.add(event);
            }

            @Override
            public void end() {
                queue.add(END);
            }

            @Override
            public void broken() {
                queue.add(BROKEN);
            }
        }));
        String key = "http-" + httpStreams.incrementAndGet();
        open.put(key, () -> queue.add(END));
        EndPoint endPoint = ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData()
                .getConnection().getEndPoint();
        long idleTimeout = endPoint.getIdleTimeout();
        endPoint.setIdleTimeout(WATCH_IDLE.toMillis()); // a watch is idle as long as nothing changes
        try {
            ctx.status(200).contentType(Reply.JSON);
            OutputStream out = ctx.res().getOutputStream();
            out.flush(); // the client learns at once that the watch is established
            for (String event = queue.take(); !event.equals(END); event = queue.take()) {
                if (event.equals(BROKEN)) {
                    Reply.dropConnection(ctx);
                    break;
                }
                out.write((event + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // the client went away; the watch is closed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            endPoint.setIdleTimeout(idleTimeout);
            open.remove(key);
            served.locked(stream::close);
        }
    }

    // ---- websockets -----------------------------------------------------------------------------------------------

    /**
     * Before upgrading: the checks the API server makes before it switches protocols (the resource exists; for exec
     * the pod, container and command), and the subprotocol chosen. A refusal is thrown as a KubernetesException.
     */
    void beforeUpgrade(Context ctx, ApiPath path) {
        if (isExec(path)) {
            String protocol = ExecSession.protocol(ctx.header("Sec-WebSocket-Protocol"));
            served.locked(() -> ExecSession.check(served, path, ctx.queryParamMap()));
            ctx.header("Sec-WebSocket-Protocol", protocol);
        } else if (path.name() == null && isWatch(ctx.queryParamMap())) {
            PendingSink sink = new PendingSink();
            WatchStream stream = served.locked(() -> open(path, ctx.queryParamMap(), Optional.empty(), sink));
            ctx.attribute(WATCH, new Registered(stream, sink));
        } else {
            throw ResourceRequests.badRequest("websocket upgrade is served for watches and pods/exec only");
        }
    }

    void onConnect(WsConnectContext ctx, ApiPath path) {
        ctx.session.setIdleTimeout(WATCH_IDLE); // a watch is idle as long as nothing changes
        if (isExec(path)) {
            ExecSession.Frames frames = new ExecSession.Frames() {
                @Override
                public void send(ByteBuffer frame) {
                    ctx.send(frame);
                }

                @Override
                public void close() {
                    ctx.closeSession(WsCloseStatus.NORMAL_CLOSURE, "");
                }
            };
            try {
                ExecSession session = served.locked(() -> ExecSession.start(served, path, ctx.queryParamMap(),
                        frames));
                onClientGone.put(ctx.sessionId(), () -> served.locked(session::cancel));
            } catch (KubernetesException e) {
                // the pod stopped between the upgrade and now: the error channel says why
                frames.send(ByteBuffer.wrap(withChannel(3, Reply.bytes(Statuses.of(e, served.cluster().kinds())))));
                frames.close();
            }
            return;
        }
        Registered watch = ctx.attribute(WATCH);
        onClientGone.put(ctx.sessionId(), () -> served.locked(watch.stream()::close));
        open.put(ctx.sessionId(), () -> ctx.closeSession(WsCloseStatus.GOING_AWAY, "server stopping"));
        served.locked(() -> watch.sink().attach(new WatchStream.Sink() {
            @Override
            public void send(String event) {
                ctx.send(event);
            }

            @Override
            public void end() {
                ctx.closeSession(WsCloseStatus.NORMAL_CLOSURE, "");
            }

            @Override
            public void broken() {
                ctx.session.disconnect();
            }
        }));
    }

    /** Opens a watch; with {@code table} (the Table version asked for) each object is sent as a Table of it. */
    private WatchStream open(ApiPath path, Map<String, List<String>> query, Optional<String> table,
                             WatchStream.Sink sink) {
        ResourceKind kind = served.kind(path);
        UnaryOperator<JsonNode> view = table.isEmpty() ? UnaryOperator.identity()
                : Tables.watchView(table.get(), Tables.printer(KindDefinitions.of(kind, served.port())),
                        ResourceRequests.first(query, "includeObject"), served.cluster().world()::now);
        return WatchStream.open(served.port(), kind, path.namespace(),
                ResourceRequests.first(query, "labelSelector"), ResourceRequests.first(query, "fieldSelector"),
                ResourceRequests.first(query, "resourceVersion"), served.cluster().kinds(), sink, view);
    }

    void onClose(WsContext ctx) {
        open.remove(ctx.sessionId());
        Optional.ofNullable(onClientGone.remove(ctx.sessionId())).ifPresent(Runnable::run);
    }

    /** Ends every open stream: the server is stopping. */
    void closeAll() {
        List.copyOf(open.values()).forEach(Runnable::run);
        List.copyOf(onClientGone.values()).forEach(Runnable::run);
        onClientGone.clear();
    }

    private static boolean isExec(ApiPath path) {
        return "exec".equals(path.subresource()) && "pods".equals(path.plural()) && path.group().isEmpty();
    }

    private static byte[] withChannel(int channel, byte[] data) {
        byte[] frame = new byte[data.length + 1];
        frame[0] = (byte) channel;
        System.arraycopy(data, 0, frame, 1, data.length);
        return frame;
    }
}
