package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.ExpiredException;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Watch;
import io.mirrordrill.port.kubernetes.WatchEvent;
import io.mirrordrill.port.kubernetes.WatchListener;
import io.mirrordrill.sim.World;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Watches of one cluster. Every committed {@link Change} is kept in a bounded history (like etcd before compaction)
 * and offered to each open watch; matching events are delivered as events of the simulated world, after the network
 * latency between the cluster and the watcher's site and never before the watch's previous event, so each watch sees
 * its events in commit order. A watch whose path is broken at delivery time is closed with
 * {@link UnreachableException}, as a broken HTTP stream would be.
 */
final class WatchHub {
    private final KubernetesCluster cluster;
    private final int historyCapacity;
    private final Deque<Change> history = new ArrayDeque<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    WatchHub(KubernetesCluster cluster, int historyCapacity) {
        this.cluster = cluster;
        this.historyCapacity = historyCapacity;
    }

    void publish(Change change) {
        history.addLast(change);
        if (history.size() > historyCapacity) {
            history.removeFirst();
        }
        for (Subscription s : List.copyOf(subscriptions)) {
            s.offer(change);
        }
    }

    /**
     * Opens a watch. Without a resourceVersion it starts with ADDED for each of {@code current}; with one it replays
     * the remembered changes after it, or throws {@link ExpiredException} when they are no longer remembered.
     */
    Watch open(ResourceKind kind, String namespace, LabelSelector selector, String resourceVersion,
               String callerSite, WatchListener listener, List<ObjectNode> current) {
        Subscription s = new Subscription(kind, namespace, selector, callerSite, listener);
        if (resourceVersion == null || resourceVersion.isEmpty() || resourceVersion.equals("0")) {
            current.stream().filter(o -> selector.matches(Json.labels(o)))
                    .forEach(o -> s.enqueue(WatchEvent.Type.ADDED, o));
        } else {
            long from = parseVersion(kind, namespace, resourceVersion);
            long oldest = history.isEmpty() ? cluster.store().revision() + 1 : history.getFirst().revision();
            if (from < oldest - 1) {
                throw new ExpiredException("too old resource version: " + from + " (" + (oldest - 1) + ")",
                        kind.kind(), namespace);
            }
            history.stream().filter(c -> c.revision() > from).forEach(s::offer);
        }
        subscriptions.add(s);
        return s;
    }

    private static long parseVersion(ResourceKind kind, String namespace, String resourceVersion) {
        try {
            return Long.parseLong(resourceVersion);
        } catch (NumberFormatException e) {
            throw new KubernetesException(400, "BadRequest", "invalid resource version \"" + resourceVersion + "\"",
                    kind.kind(), namespace, null);
        }
    }

    /** One open watch. */
    private final class Subscription implements Watch {
        private final ResourceKind kind;
        private final String namespace;
        private final LabelSelector selector;
        private final String callerSite;
        private final WatchListener listener;
        private Instant lastDelivery = Instant.MIN;
        private boolean closed;

        Subscription(ResourceKind kind, String namespace, LabelSelector selector, String callerSite,
                     WatchListener listener) {
            this.kind = kind;
            this.namespace = namespace;
            this.selector = selector;
            this.callerSite = callerSite;
            this.listener = listener;
        }

        /** Filtered-watch semantics: leaving the selection is a DELETED, entering it an ADDED. */
        void offer(Change c) {
            if (!c.key().resource().equals(kind.resource())
                    || namespace != null && !namespace.equals(c.key().namespace())) {
                return;
            }
            boolean was = c.before() != null && selector.matches(Json.labelView(c.before()));
            boolean is = c.after() != null && selector.matches(Json.labelView(c.after()));
            if (was && is) {
                enqueue(WatchEvent.Type.MODIFIED, c.after());
            } else if (was) {
                ObjectNode last = c.before().deepCopy();
                Json.meta(last).put("resourceVersion", Long.toString(c.revision()));
                enqueue(WatchEvent.Type.DELETED, last);
            } else if (is) {
                enqueue(WatchEvent.Type.ADDED, c.after());
            }
        }

        void enqueue(WatchEvent.Type type, ObjectNode object) {
            World world = cluster.world();
            Instant at = world.now();
            if (world.network().reachable(cluster.site(), callerSite)) {
                at = at.plus(world.network().latency(cluster.site(), callerSite));
            }
            if (at.isBefore(lastDelivery)) {
                at = lastDelivery;
            }
            lastDelivery = at;
            world.scheduleAt(at, "k8s/" + cluster.name() + " watch " + kind.resource(), () -> deliver(type, object));
        }

        private void deliver(WatchEvent.Type type, ObjectNode object) {
            if (closed) {
                return;
            }
            if (!cluster.world().network().reachable(cluster.site(), callerSite)) {
                close();
                listener.onClose(new UnreachableException(cluster.endpoint(),
                        "watch stream from site " + callerSite + " broke"));
                return;
            }
            listener.onEvent(new WatchEvent(type, Json.toResource(object, kind)));
        }

        @Override
        public void close() {
            closed = true;
            subscriptions.remove(this);
        }
    }
}
