package io.mirrordrill.emulator.k8s.server;

import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.k8s.cluster.PodShell;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * What the request handlers share: the cluster, its API as seen from the client site, the optional pod shell, and
 * the one lock every touch of the cluster and its world runs under.
 */
final class ServedCluster {
    private final KubernetesCluster cluster;
    private final KubernetesPort port;
    private final PodShell shell;
    private final Lock lock;

    ServedCluster(KubernetesCluster cluster, KubernetesPort port, PodShell shell, Lock lock) {
        this.cluster = cluster;
        this.port = port;
        this.shell = shell;
        this.lock = lock;
    }

    KubernetesCluster cluster() {
        return cluster;
    }

    KubernetesPort port() {
        return port;
    }

    Optional<PodShell> shell() {
        return Optional.ofNullable(shell);
    }

    /** The kind's schema and names; call under the lock. */
    KindDefinition definition(ResourceKind kind) {
        return KindDefinitions.of(kind, port);
    }

    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    /**
     * The kind a resource path names (checking that the cluster is reachable), or 404 as the API server answers
     * a path it has no route for. Call under the lock.
     */
    ResourceKind kind(ApiPath path) {
        Optional<ResourceKind> kind = port.kinds().stream().filter(k -> k.group().equals(path.group())
                && k.version().equals(path.version()) && k.plural().equals(path.plural())).findFirst();
        if (kind.isEmpty() || path.namespace() != null && !kind.get().namespaced()
                || path.namespace() == null && kind.get().namespaced() && path.name() != null) {
            throw new KubernetesException(404, "NotFound", Statuses.NO_RESOURCE, null, null, null);
        }
        return kind.get();
    }
}
