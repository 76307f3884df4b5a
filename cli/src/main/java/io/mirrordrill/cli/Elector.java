package io.mirrordrill.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * fabric8's leader election on a {@code coordination.k8s.io/v1} Lease, with client-go's proportions: the leader
 * renews every {@code lease / 7.5} and gives up (stops reconciling) when it could not renew for two thirds of the
 * lease, so it has stopped before another replica, which waits the whole lease, takes over. Closing releases the
 * Lease (fabric8's release on cancel), so a clean shutdown hands over at once.
 */
final class Elector implements AutoCloseable {
    private final ExecutorService executor;
    private final CompletableFuture<?> running;

    Elector(KubernetesClient client, String namespace, String name, String identity, Duration lease,
            Runnable onStartLeading, Runnable onStopLeading, Consumer<String> onNewLeader) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "leader-election");
            t.setDaemon(true);
            return t;
        });
        LeaderElector elector = new LeaderElector(client, new LeaderElectionConfigBuilder()
                .withName(name)
                .withLock(new LeaseLock(namespace, name, identity))
                .withLeaseDuration(lease)
                .withRenewDeadline(lease.multipliedBy(2).dividedBy(3))
                .withRetryPeriod(lease.multipliedBy(2).dividedBy(15))
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(onStartLeading, onStopLeading, onNewLeader))
                .build(), executor);
        running = elector.start();
    }

    @Override
    public void close() {
        running.cancel(true); // onStopLeading runs, then the Lease is released
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
