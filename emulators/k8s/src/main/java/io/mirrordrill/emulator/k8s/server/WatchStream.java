package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.kubernetes.ExpiredException;
import io.mirrordrill.port.kubernetes.KindRegistry;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.Watch;
import io.mirrordrill.port.kubernetes.WatchEvent;
import io.mirrordrill.port.kubernetes.WatchListener;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * One watch of a client: the port's watch events, filtered by the field selector, as {@code WatchEvent} JSON
 * documents handed to a {@link Sink} (an HTTP stream or a websocket). Events arrive on the thread that runs the
 * simulated world, under the lock, so a sink must not block. A watch from a resourceVersion the cluster no longer
 * remembers is opened anyway and ends with an ERROR event carrying a 410 Expired Status, as the API server does.
 */
final class WatchStream implements WatchListener {
    /** Where the events of one watch go. */
    interface Sink {
        /** Sends one event document; never blocks. */
        void send(String event);

        /** Ends the stream (after the events sent so far). */
        void end();

        /** Breaks the connection without ending the stream properly: the network between the two is cut. */
        void broken();
    }

    private final Sink sink;
    private final FieldSelector fields;
    /** What the client sees of each object: itself, or a Table row of it ({@link Tables#watchView}). */
    private final UnaryOperator<JsonNode> view;
    private Watch watch;
    private boolean closed;

    private WatchStream(Sink sink, FieldSelector fields, UnaryOperator<JsonNode> view) {
        this.sink = sink;
        this.fields = fields;
        this.view = view;
    }

    /** Opens a watch; call under the lock. A bad selector or resourceVersion throws before anything is sent. */
    static WatchStream open(KubernetesPort port, ResourceKind kind, String namespace, String labelSelector,
                            String fieldSelector, String resourceVersion, KindRegistry kinds, Sink sink) {
        return open(port, kind, namespace, labelSelector, fieldSelector, resourceVersion, kinds, sink,
                UnaryOperator.identity());
    }

    /** As above, each object sent as {@code view} shows it (a Table row for {@code kubectl get -w}). */
    static WatchStream open(KubernetesPort port, ResourceKind kind, String namespace, String labelSelector,
                            String fieldSelector, String resourceVersion, KindRegistry kinds, Sink sink,
                            UnaryOperator<JsonNode> view) {
        LabelSelector labels = LabelSelector.parse(labelSelector);
        WatchStream stream = new WatchStream(sink, FieldSelector.parse(fieldSelector, kind), view);
        try {
            stream.watch = port.watch(kind.apiVersion(), kind.kind(), namespace, labels, resourceVersion, stream);
        } catch (ExpiredException e) {
            ObjectNode event = Resources.mapper().createObjectNode();
            event.put("type", "ERROR").set("object", Statuses.of(e, kinds));
            stream.closed = true;
            sink.send(new String(Reply.bytes(event), StandardCharsets.UTF_8));
            sink.end();
        }
        return stream;
    }

    @Override
    public void onEvent(WatchEvent event) {
        if (closed || !fields.matches(event.object())) {
            return;
        }
        ObjectNode json = Resources.mapper().createObjectNode();
        json.put("type", event.type().name()).set("object", view.apply(ResourceRequests.tree(event.object())));
        sink.send(new String(Reply.bytes(json), StandardCharsets.UTF_8));
    }

    /** The path from the cluster to the client broke: the stream ends without a word, as a broken connection. */
    @Override
    public void onClose(MirrordrillException cause) {
        closed = true;
        sink.broken();
    }

    /** Stops the port's watch; call under the lock. Idempotent. */
    void close() {
        closed = true;
        if (watch != null) {
            watch.close();
        }
    }
}
