package io.mirrordrill.contract;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mirrordrill.adapter.kubernetes.Fabric8KubernetesPort;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.k8s.server.KubeApiServer;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.sim.World;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

/**
 * The contract against the fabric8 adapter talking to the emulator's own API server ({@link KubeApiServer}) on
 * 127.0.0.1: the emulated cluster's full semantics over the real protocol, every capability included. The client sits
 * at another site than the cluster, as in {@link KubernetesEmulatorContractTest}; waiting polls in real time and lets
 * 100 ms of simulated time pass between polls, which is how watch events and the namespace controller make progress.
 */
class KubeApiServerContractIT extends KubernetesPortContract {
    private static final Duration STEP = Duration.ofMillis(100);

    private World world;
    private KubeApiServer server;
    private KubernetesClient client;

    @Override
    protected KubernetesPort openPort() {
        world = new World(20260101L);
        world.network().site("dc-east").site("ops").link("dc-east", "ops", Duration.ofMillis(15), 125_000_000L);
        server = KubeApiServer.builder(new KubernetesCluster(world, "east", "dc-east")).clientSite("ops").start();
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(server.endpoint().toString())
                .withRequestRetryBackoffLimit(0) // fail fast once the cluster is cut off
                .build();
        client = Fabric8KubernetesPort.jdkClient(config);
        return new Fabric8KubernetesPort(client);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Override
    protected void eventually(Runnable assertion) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> {
                    server.advance(STEP);
                    assertion.run();
                });
    }

    @Override
    protected void makeUnreachable() {
        server.withLock(() -> world.network().partition("dc-east", "ops"));
    }
}
