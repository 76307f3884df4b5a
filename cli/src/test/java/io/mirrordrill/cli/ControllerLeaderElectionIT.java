package io.mirrordrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mirrordrill.adapter.kubernetes.Fabric8KubernetesPort;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two {@code mirrordrill controller --leader-elect} replicas against a served world whose destination cluster has
 * no engine: one leads and reconciles, the other waits; the leader stopped mid-failover releases the Lease and the
 * other takes over within the lease duration and completes the failover. The served cluster's audit log shows that
 * the two never wrote protect resources at the same time.
 */
class ControllerLeaderElectionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROTECT = "protect.trident.netapp.io/v1";
    private static final String NS = "my-app-namespace";
    private static final String AMR = "amr-16061e80-1b05-4e80-9d26-d326dc1953d8";
    private static final Duration LEASE = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    private final List<CommandThread> running = new ArrayList<>();
    private KubernetesClient client;

    @AfterEach
    void stopAll() throws Exception {
        if (client != null) {
            client.close();
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            if (running.get(i).alive()) {
                running.get(i).stop();
            }
        }
    }

    @Test
    void oneReplicaReconcilesAndTheOtherFinishesTheFailoverWhenItStops() throws Exception {
        Path out = dir.resolve("serve");
        Path audit = dir.resolve("audit.jsonl");
        CommandThread serve = start("serve-le", "Serving until Ctrl-C", "serve", "setup-replication", "--run-steps",
                "--no-engine", "k8s-west", "--speed", "10", "--out", out.toString(), "--no-progress", "--audit-log",
                audit.toString());
        client = Fabric8KubernetesPort.jdkClient(Config.fromKubeconfig("k8s-west", Files.readString(
                out.resolve("kubeconfig")), out.resolve("kubeconfig").toString()));
        KubernetesPort west = new Fabric8KubernetesPort(client);
        west.create(Resources.fromTree((ObjectNode) JSON.readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"mirrordrill-system\"}}")));

        CommandThread a = start("controller-a", "Running until Ctrl-C", controller(out, "replica-a"));
        await().atMost(LEASE.multipliedBy(2)).until(() -> a.out.toString().contains("leading: reconciling"));
        CommandThread b = start("controller-b", "Running until Ctrl-C", controller(out, "replica-b"));
        await().atMost(LEASE).until(() -> b.out.toString().contains("leader: replica-a"));
        assertEquals("replica-a", lease(west).path("spec").path("holderIdentity").asText());

        awaitState(west, "Established");
        assertFalse(b.out.toString().contains("leading: reconciling"), "the standby reconciles nothing: " + b.console());
        assertEquals(503, readyz(b), "a standby is not ready");
        assertEquals(200, readyz(a), "the leader is");

        // the failover starts under replica-a; replica-a goes (SIGTERM: it releases the Lease) before it is done
        west.patch(PROTECT, "AppMirrorRelationship", NS, AMR, "{\"spec\":{\"desiredState\":\"Promoted\"}}");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> !state(west)
                .equals("Established"));
        long stopped = System.nanoTime();
        assertEquals(0, a.stop(), a.console());
        await().atMost(LEASE).until(() -> b.out.toString().contains("leading: reconciling"));
        assertTrue(Duration.ofNanos(System.nanoTime() - stopped).compareTo(LEASE) < 0, "handed over within the"
                + " lease duration");
        assertEquals("replica-b", lease(west).path("spec").path("holderIdentity").asText());
        assertEquals(200, readyz(b), "the new leader is ready");
        awaitState(west, "Promoted");

        // no write of a protect resource by replica-b before replica-a's last one: never both at once
        List<String> writers = new ArrayList<>();
        for (String line : Files.readAllLines(audit)) {
            JsonNode r = JSON.readTree(line);
            boolean write = List.of("create", "update", "patch", "delete").contains(r.path("verb").asText());
            if (write && r.path("apiGroup").asText().equals("protect.trident.netapp.io")
                    && r.path("userAgent").asText().startsWith(ControllerCommand.USER_AGENT + "/")) {
                writers.add(r.path("userAgent").asText());
            }
        }
        int lastOfA = writers.lastIndexOf(ControllerCommand.USER_AGENT + "/replica-a");
        int firstOfB = writers.indexOf(ControllerCommand.USER_AGENT + "/replica-b");
        assertTrue(lastOfA >= 0 && firstOfB > lastOfA, "replica-a wrote, then only replica-b: " + writers);
        assertEquals(0, b.stop(), b.console());
        assertEquals(0, serve.stop(), serve.console());
    }

    private static String[] controller(Path out, String identity) throws Exception {
        JsonNode endpoints = JSON.readTree(out.resolve("endpoints.json").toFile());
        List<String> args = new ArrayList<>(List.of("controller", "--kubeconfig", out.resolve("kubeconfig")
                .toString(), "--context", "k8s-west", "--ontap-credentials", out.resolve("credentials.json")
                .toString(), "--leader-elect", "--lease-namespace", "mirrordrill-system", "--identity", identity,
                "--lease-duration", LEASE.toSeconds() + "s", "--health-address", "127.0.0.1:0"));
        endpoints.path("ontap").forEach(o -> args.addAll(List.of("--ontap-endpoint", o.path("name").asText() + "="
                + o.path("managementUrl").asText())));
        endpoints.path("s3").forEach(s -> args.addAll(List.of("--s3-endpoint", s.path("host").asText() + "="
                + s.path("endpoint").asText())));
        return args.toArray(String[]::new);
    }

    /** The replica's /readyz status, at the port its console names. */
    private static int readyz(CommandThread c) throws Exception {
        String port = c.out.toString().lines().filter(l -> l.startsWith("Health and metrics on port ")).findFirst()
                .orElseThrow().replaceAll("^Health and metrics on port (\\d+):.*$", "$1");
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private CommandThread start(String name, String ready, String... args) {
        CommandThread c = CommandThread.start(name, ready, args);
        running.add(c);
        return c;
    }

    private static JsonNode lease(KubernetesPort west) {
        return Resources.toTree(west.get("coordination.k8s.io/v1", "Lease", "mirrordrill-system",
                "mirrordrill-controller").orElseThrow());
    }

    private static String state(KubernetesPort west) {
        return west.get(PROTECT, "AppMirrorRelationship", NS, AMR).map(Resources::toTree)
                .map(n -> n.path("status").path("state").asText()).orElse("");
    }

    private void awaitState(KubernetesPort west, String wanted) {
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> state(west)
                    .equals(wanted));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder consoles = new StringBuilder();
            running.forEach(r -> consoles.append("\n--- ").append(r.thread.getName()).append(":\n")
                    .append(r.console()));
            throw new AssertionError("the relationship is not " + wanted + " but " + state(west) + consoles, e);
        }
    }
}
