package io.mirrordrill.contract;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mirrordrill.adapter.kubernetes.Fabric8KubernetesPort;
import io.mirrordrill.adapter.kubernetes.Fabric8PodExecPort;
import io.mirrordrill.emulator.k8s.server.KubeApiServer;
import io.mirrordrill.port.exec.PodExecPort;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract against the fabric8 adapter running {@code pods/exec} over a websocket to the emulator's API server
 * on 127.0.0.1, which runs commands in the cluster simulator's pod shell. Nobody lets simulated time pass during a
 * command here, so a command that sleeps never reports, and the client's timeout ends it, in real time.
 */
class PodExecServerContractIT extends PodExecPortContract {
    private KubeApiServer server;
    private KubernetesClient client;

    @Override
    protected PodExecPort openPort() {
        server = KubeApiServer.builder(cluster).exec(sim.exec()).start();
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.endpoint().toString())
                .withRequestRetryBackoffLimit(0).build();
        client = Fabric8KubernetesPort.jdkClient(config);
        return new Fabric8PodExecPort(client);
    }

    @Override
    protected void onWorld(Runnable action) {
        server.withLock(action);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }
}
