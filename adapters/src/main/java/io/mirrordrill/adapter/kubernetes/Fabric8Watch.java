package io.mirrordrill.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.mirrordrill.adapter.kubernetes.Fabric8Errors.Op;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Watch;
import io.mirrordrill.port.kubernetes.WatchEvent;
import io.mirrordrill.port.kubernetes.WatchListener;

/**
 * Bridges a fabric8 watcher to a {@link WatchListener}. Delivery and {@link #close()} share a lock, so once close
 * returns no event reaches the listener even if fabric8 still had one in flight on its own thread. fabric8 reconnects
 * a broken stream by itself (from the last resourceVersion); the listener hears {@code onClose} only when it gives up.
 */
final class Fabric8Watch implements Watcher<GenericKubernetesResource>, Watch {
    private final WatchListener listener;
    private final String endpoint;
    private final ResourceKind kind;
    private final String namespace;
    private io.fabric8.kubernetes.client.Watch delegate;
    private boolean closed;

    Fabric8Watch(WatchListener listener, String endpoint, ResourceKind kind, String namespace) {
        this.listener = listener;
        this.endpoint = endpoint;
        this.kind = kind;
        this.namespace = namespace;
    }

    synchronized void attach(io.fabric8.kubernetes.client.Watch watch) {
        this.delegate = watch;
    }

    @Override
    public synchronized void eventReceived(Action action, GenericKubernetesResource resource) {
        if (closed) {
            return;
        }
        switch (action) {
            case ADDED -> listener.onEvent(new WatchEvent(WatchEvent.Type.ADDED, resource));
            case MODIFIED -> listener.onEvent(new WatchEvent(WatchEvent.Type.MODIFIED, resource));
            case DELETED -> listener.onEvent(new WatchEvent(WatchEvent.Type.DELETED, resource));
            default -> {
                // BOOKMARK and ERROR carry no object change; an expired watch arrives through onClose
            }
        }
    }

    @Override
    public synchronized void onClose(WatcherException cause) {
        if (closed) {
            return;
        }
        closed = true;
        listener.onClose(Fabric8Errors.translate(cause.asClientException(), endpoint, Op.WATCH, kind, namespace,
                null));
    }

    @Override
    public void close() {
        io.fabric8.kubernetes.client.Watch toClose;
        synchronized (this) {
            closed = true;
            toClose = delegate;
        }
        if (toClose != null) {
            toClose.close();
        }
    }
}
