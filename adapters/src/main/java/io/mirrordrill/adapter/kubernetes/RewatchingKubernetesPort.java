package io.mirrordrill.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.Scheduler;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Watch;
import io.mirrordrill.port.kubernetes.WatchEvent;
import io.mirrordrill.port.kubernetes.WatchListener;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link KubernetesPort} whose watches start again when the server ends them. fabric8 reconnects a broken stream by
 * itself; what reaches a listener's {@code onClose} is a watch it gave up on (410 Gone once the resourceVersion is too
 * old, a server that stays away). Here such a watch is opened again, from no resourceVersion, so it begins with an
 * ADDED event for every object there is (a level-triggered controller reconciles them all once, and misses nothing
 * that changed meanwhile); an attempt that fails is tried again after a delay that doubles from {@link #FIRST_RETRY}
 * to {@link #MAX_RETRY}. The wrapped listener never hears {@code onClose}: the watch goes on until it is closed.
 * Every other call goes straight to the delegate.
 */
public final class RewatchingKubernetesPort implements KubernetesPort {
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofMinutes(1);

    private final KubernetesPort delegate;
    private final Scheduler scheduler;
    private final Consumer<String> report;

    /**
     * @param scheduler where the attempts to watch again run
     * @param report told, in a line without any secret, when a watch ended and when an attempt to restart it failed
     */
    public RewatchingKubernetesPort(KubernetesPort delegate, Scheduler scheduler, Consumer<String> report) {
        this.delegate = delegate;
        this.scheduler = scheduler;
        this.report = report;
    }

    @Override
    public Watch watch(String apiVersion, String kind, String namespace, LabelSelector selector,
                       String resourceVersion, WatchListener listener) {
        Resumed watch = new Resumed(apiVersion, kind, namespace, selector, listener);
        watch.open(resourceVersion);
        return watch;
    }

    private final class Resumed implements Watch {
        private final String apiVersion;
        private final String kind;
        private final String namespace;
        private final LabelSelector selector;
        private final WatchListener listener;
        private Watch current;
        private Scheduler.Cancellable retry;
        private Duration nextDelay = FIRST_RETRY;
        private boolean closed;

        Resumed(String apiVersion, String kind, String namespace, LabelSelector selector, WatchListener listener) {
            this.apiVersion = apiVersion;
            this.kind = kind;
            this.namespace = namespace;
            this.selector = selector;
            this.listener = listener;
        }

        /** The first opening lets its failure out to the caller, as the delegate would. */
        void open(String resourceVersion) {
            Watch opened = delegate.watch(apiVersion, kind, namespace, selector, resourceVersion, forward());
            synchronized (this) {
                current = opened;
            }
        }

        private WatchListener forward() {
            return new WatchListener() {
                @Override
                public void onEvent(WatchEvent event) {
                    listener.onEvent(event);
                }

                @Override
                public void onClose(MirrordrillException cause) {
                    ended(cause);
                }
            };
        }

        private synchronized void ended(MirrordrillException cause) {
            if (closed) {
                return;
            }
            current = null;
            report.accept("the watch of " + kind + " " + where() + " ended (" + (cause == null ? "closed"
                    : cause.getMessage()) + "); watching again");
            scheduleRetry(Duration.ZERO);
        }

        private void scheduleRetry(Duration delay) {
            retry = scheduler.schedule(delay, "watch " + kind + " again", this::reopen);
        }

        private void reopen() {
            synchronized (this) {
                if (closed) {
                    return;
                }
            }
            Watch opened;
            try {
                opened = delegate.watch(apiVersion, kind, namespace, selector, null, forward());
            } catch (RuntimeException e) {
                synchronized (this) {
                    if (!closed) {
                        report.accept("watching " + kind + " " + where() + " again failed (" + e.getMessage()
                                + "); trying again in " + nextDelay.toSeconds() + " s");
                        scheduleRetry(nextDelay);
                        nextDelay = nextDelay.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY
                                : nextDelay.multipliedBy(2);
                    }
                }
                return;
            }
            boolean keep;
            synchronized (this) {
                keep = !closed;
                if (keep) {
                    current = opened;
                    nextDelay = FIRST_RETRY;
                }
            }
            if (!keep) {
                opened.close();
            }
        }

        private String where() {
            return namespace == null ? "in all namespaces" : "in namespace " + namespace;
        }

        @Override
        public void close() {
            Watch toClose;
            synchronized (this) {
                closed = true;
                toClose = current;
                current = null;
                if (retry != null) {
                    retry.cancel();
                }
            }
            if (toClose != null) {
                toClose.close();
            }
        }
    }

    // ---- the rest goes straight through ----------------------------------------------------------------------------

    @Override
    public ResourceKind resolve(String apiVersion, String kind) {
        return delegate.resolve(apiVersion, kind);
    }

    @Override
    public List<ResourceKind> kinds() {
        return delegate.kinds();
    }

    @Override
    public Optional<GenericKubernetesResource> get(String apiVersion, String kind, String namespace, String name) {
        return delegate.get(apiVersion, kind, namespace, name);
    }

    @Override
    public List<GenericKubernetesResource> list(String apiVersion, String kind, String namespace,
                                                LabelSelector selector) {
        return delegate.list(apiVersion, kind, namespace, selector);
    }

    @Override
    public GenericKubernetesResource create(GenericKubernetesResource resource) {
        return delegate.create(resource);
    }

    @Override
    public GenericKubernetesResource update(GenericKubernetesResource resource) {
        return delegate.update(resource);
    }

    @Override
    public GenericKubernetesResource updateStatus(GenericKubernetesResource resource) {
        return delegate.updateStatus(resource);
    }

    @Override
    public GenericKubernetesResource patch(String apiVersion, String kind, String namespace, String name,
                                           String mergePatch) {
        return delegate.patch(apiVersion, kind, namespace, name, mergePatch);
    }

    @Override
    public GenericKubernetesResource patchStatus(String apiVersion, String kind, String namespace, String name,
                                                 String mergePatch) {
        return delegate.patchStatus(apiVersion, kind, namespace, name, mergePatch);
    }

    @Override
    public void delete(String apiVersion, String kind, String namespace, String name) {
        delegate.delete(apiVersion, kind, namespace, name);
    }

    @Override
    public void delete(String apiVersion, String kind, String namespace, String name, long gracePeriodSeconds) {
        delegate.delete(apiVersion, kind, namespace, name, gracePeriodSeconds);
    }
}
