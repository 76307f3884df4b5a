package io.mirrordrill.adapter.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.mirrordrill.contract.KubernetesPortContract;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The contract against the fabric8 adapter talking to kubernetes-server-mock in CRUD mode on 127.0.0.1, in real
 * time. {@link #supports} lists what the mock server does not do like a real API server.
 */
class Fabric8KubernetesPortIT extends KubernetesPortContract {
    /** Held in a field because java.util.logging keeps loggers weakly; the mock logs every request at INFO. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    private KubernetesMockServer server;
    private KubernetesClient client;

    @Override
    protected KubernetesPort openPort() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl("http://127.0.0.1:" + server.getPort())
                .withRequestRetryBackoffLimit(0) // fail fast once the server is gone
                .build();
        client = Fabric8KubernetesPort.jdkClient(config);
        return new Fabric8KubernetesPort(client);
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Override
    protected void eventually(Runnable assertion) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(assertion::run);
    }

    /**
     * What kubernetes-server-mock 7.8.0 in CRUD mode lacks, as these tests found: it admits objects into any
     * namespace and never finalizes namespaces; it validates no names; it ignores {@code in}/{@code notin}
     * requirements (and so returns every object); a watch always starts with the current objects as ADDED, whatever
     * resourceVersion it is given; its 409 names the kind ({@code ConfigMap}) where the API server names the resource
     * ({@code configmaps}); it applies status-subresource rules only to the kinds of CRDs it has seen, so an update
     * of a PersistentVolumeClaim overwrites its status; and its merge patch is Jackson's update-in-place (arrays are
     * merged, a null is stored rather than removing the member).
     */
    @Override
    protected boolean supports(Capability capability) {
        return switch (capability) {
            case NAMESPACE_ADMISSION, NAMESPACE_FINALIZATION, NAME_VALIDATION, SET_BASED_SELECTORS, WATCH_RESUME,
                 API_SERVER_CONFLICT_MESSAGE, MERGE_PATCH_RFC7386, BUILTIN_STATUS_SUBRESOURCE,
                 GRACEFUL_POD_DELETION -> false;
        };
    }

    @Override
    protected void makeUnreachable() {
        server.destroy();
    }
}
