package io.mirrordrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mirrordrill.adapter.kubernetes.Fabric8KubernetesPort;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.world.Kubectl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
 * {@code mirrordrill controller} end to end on loopback: serve runs setup-replication's world with no protect engine
 * in the destination cluster (k8s-west), and the controller, on the production adapters and real time, takes its
 * place over HTTP (fabric8 to the Kubernetes API server, ONTAP REST to both ONTAP clusters, S3 to both buckets):
 * the AppVaults become Available, the AppMirrorRelationship Established, and after a failover Promoted with the app
 * running on the destination.
 */
class ControllerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROTECT = "protect.trident.netapp.io/v1";
    private static final String NS = "my-app-namespace";
    private static final String AMR = "amr-16061e80-1b05-4e80-9d26-d326dc1953d8";
    /**
     * Simulated seconds per real second. The controller's own timers run in real time (the AMR looks again every
     * 5 s while establishing), the served world's schedule in simulated time (a snapshot every 5 minutes): at 10x a
     * new archive comes every 30 s, so a look finds the transfer of the previous one done. At 60x an archive came
     * every 5 s, as often as the controller looked, and the relationship chased a new snapshot at every look.
     */
    private static final int SPEED = 10;

    @TempDir
    Path dir;

    private final List<CommandThread> running = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private CommandThread start(String name, String ready, String... args) {
        CommandThread r = CommandThread.start(name, ready, args);
        running.add(r);
        return r;
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            if (running.get(i).alive()) {
                running.get(i).stop();
            }
        }
    }

    @Test
    void theControllerEstablishesTheDestinationsRelationshipAndFailsItOverOverHttp() throws Exception {
        Path out = dir.resolve("serve");
        Path audit = dir.resolve("audit.jsonl");
        CommandThread serve = start("serve-it", "Serving until Ctrl-C", "serve", "setup-replication", "--no-engine",
                "k8s-west", "--speed", String.valueOf(SPEED), "--out", out.toString(), "--no-progress",
                "--audit-log", audit.toString());
        assertTrue(serve.out.toString().contains("(no protect engine"), serve.console());
        JsonNode endpoints = JSON.readTree(out.resolve("endpoints.json").toFile());
        String kubeconfig = Files.readString(out.resolve("kubeconfig"));
        KubernetesPort east = port(Config.fromKubeconfig("k8s-east", kubeconfig, out.resolve("kubeconfig").toString()));
        KubernetesPort west = port(Config.fromKubeconfig("k8s-west", kubeconfig, out.resolve("kubeconfig").toString()));
        // deploy/namespace.yaml: where the controller's leader Lease lives
        west.create(Resources.fromTree((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\","
                + "\"metadata\":{\"name\":\"mirrordrill-system\"}}")));
        List<String> args = new ArrayList<>(List.of("controller", "--kubeconfig", out.resolve("kubeconfig")
                .toString(), "--context", "k8s-west", "--ontap-credentials", out.resolve("credentials.json")
                .toString(), "--leader-elect", "--lease-namespace", "mirrordrill-system", "--health-address",
                "127.0.0.1:0"));
        endpoints.path("ontap").forEach(o -> args.addAll(List.of("--ontap-endpoint", o.path("name").asText() + "="
                + o.path("managementUrl").asText())));
        endpoints.path("s3").forEach(s -> args.addAll(List.of("--s3-endpoint", s.path("host").asText() + "="
                + s.path("endpoint").asText())));
        CommandThread first = start("controller-it", "Running until Ctrl-C", args.toArray(String[]::new));
        assertTrue(first.out.toString().contains("context k8s-west"), first.console());
        await().atMost(Duration.ofSeconds(30)).until(() -> first.out.toString().contains("leading: reconciling"));
        assertTrue(first.out.toString().contains("AppMirrorRelationship"), first.console());
        Scrape metrics = new Scrape(first.out.toString());
        assertEquals(200, metrics.status("/readyz"), "the leader is ready");
        assertEquals(200, metrics.status("/healthz"));
        assertEquals("1", metrics.sample("mirrordrill_controller_leader"), metrics.text());
        Kubectl eastCtl = new Kubectl(east);
        Kubectl westCtl = new Kubectl(west);

        // the seed's set-up sequence (install-vaults, deploy-app, set-up-replication), as setup-replication runs it
        eastCtl.apply("s3-secrets.yaml", seed("s3-secrets.yaml"), "trident-protect");
        westCtl.apply("s3-secrets.yaml", seed("s3-secrets.yaml"), "trident-protect");
        eastCtl.apply("appvault", seed("trident-protect-appvault-primary-source.yaml"), "trident-protect");
        awaitField(east, "AppVault", "trident-protect",
                "generic-s3-trident-protect-src-bucket-04b6b4ec-46a3-420a-b351-45795e1b5e34", "Available");
        eastCtl.apply("app.yaml", seed("app.yaml"), NS);
        awaitReady(east);   // deploy-app waits for the app to run (its claim bound) before protecting it
        writeMarker(Config.fromKubeconfig("k8s-east", kubeconfig, out.resolve("kubeconfig").toString()));
        eastCtl.apply("application", seed("trident-protect-app-source.yaml"), NS);
        String appUid = east.get(PROTECT, "Application", NS, "my-app-name").orElseThrow().getMetadata().getUid();
        eastCtl.apply("schedule", seed("trident-protect-schedule.yaml"), NS);
        eastCtl.apply("snapshot", seed("trident-protect-snapshot.yaml").replace("${SNAPSHOT}", "my-app-snapshot-1"),
                NS);
        awaitField(east, "Snapshot", NS, "my-app-snapshot-1", "Completed");

        // the destination: reconciled by nothing but the controller
        westCtl.apply("appvault", seed("trident-protect-appvault-primary-destination.yaml"), "trident-protect");
        westCtl.apply("appvault", seed("trident-protect-appvault-secondary-destination.yaml"), "trident-protect");
        awaitField(west, "AppVault", "trident-protect",
                "generic-s3-trident-protect-src-bucket-b643cc50-0429-4ad5-971f-ac4a83621922", "Available");
        awaitField(west, "AppVault", "trident-protect",
                "generic-s3-trident-protect-dst-bucket-8fe0b902-f369-4317-93d1-ad7f2edc02b5", "Available");
        westCtl.apply("relationship", seed("trident-protect-relationship.yaml").replace("${APP_UID}", appUid), NS);
        JsonNode amr = awaitField(west, "AppMirrorRelationship", NS, AMR, "Established");
        assertTrue(amr.path("status").path("lastTransferredSnapshot").asText().length() > 0, amr.toString());
        String series = "{namespace=\"" + NS + "\",name=\"" + AMR + "\"}";
        assertEquals("1", metrics.sample("mirrordrill_amr_state{namespace=\"" + NS + "\",name=\"" + AMR
                + "\",state=\"Established\"}"), metrics.text());
        // the bytes the status records, as ONTAP REST reported them: the transfer that carried the marker moved
        // at least its block (later ones, with nothing written since, move none)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> Long.parseLong(
                metrics.sample("mirrordrill_amr_last_transfer_bytes" + series)) >= 4096);
        assertTrue(Long.parseLong(metrics.sample("mirrordrill_controller_reconciles_total{controller="
                + "\"AppMirrorRelationship\"}")) > 0, metrics.text());
        // the lag grows while no transfer completes, past the schedule's period (30 real seconds at 10x) so that a
        // newer snapshot waits in the source vault
        String lagSeries = "mirrordrill_amr_replication_lag_seconds" + series;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> Double.parseDouble(
                metrics.sample(lagSeries)) > 35);
        double lag = Double.parseDouble(metrics.sample(lagSeries));
        // the controller looks at the vault again at the AMR's next occurrence in real time (up to 5 minutes away):
        // a restart (the standby taking over, an upgrade) looks at once, and its transfer brings the lag down
        assertEquals(0, first.stop(), first.console());
        CommandThread controller = start("controller-it-2", "Running until Ctrl-C", args.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(30)).until(() -> controller.out.toString().contains("leading: reconciling"));
        Scrape restarted = new Scrape(controller.out.toString());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> Double.parseDouble(
                restarted.sample(lagSeries)) < lag);
        // Trident (simulated) made the destination claim on the class the relationship names
        JsonNode claim = Resources.toTree(west.get("v1", "PersistentVolumeClaim", NS, "data").orElseThrow());
        assertEquals("sc-vsim-2", claim.path("spec").path("storageClassName").asText(), claim.toString());

        // the seed's failover: desiredState Promoted; the controller breaks the mirrors and restores the app
        west.patch(PROTECT, "AppMirrorRelationship", NS, AMR, "{\"spec\":{\"desiredState\":\"Promoted\"}}");
        awaitField(west, "AppMirrorRelationship", NS, AMR, "Promoted");
        awaitReady(west);

        assertEquals(0, controller.stop(), controller.console());
        assertTrue(controller.out.toString().contains("Stopped after"), controller.console());
        JsonNode credentials = JSON.readTree(out.resolve("credentials.json").toFile());
        for (CommandThread c : List.of(first, controller)) {
            for (JsonNode user : credentials.path("ontap")) {
                assertFalse(c.console().contains(user.path("password").asText()), "an ONTAP password shown");
            }
            for (JsonNode key : credentials.path("s3")) {
                assertFalse(c.console().contains(key.path("secretAccessKey").asText()), "an S3 secret shown");
            }
        }
        assertEquals(0, serve.stop(), serve.console());
        assertControllerUsedOnlyWhatDeployRbacGrants(audit);
    }

    /**
     * Every request the controller made over fabric8 (its User-Agent, in k8s-west) is one deploy/rbac.yaml allows,
     * its own calls (CRDs at start, the leader Lease) included.
     */
    private static void assertControllerUsedOnlyWhatDeployRbacGrants(Path audit) throws IOException {
        RbacRules rbac = RbacRules.read(RbacRules.deployDirectory().resolve("rbac.yaml"));
        java.util.Set<String> used = new java.util.TreeSet<>();
        java.util.Set<String> refused = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(audit)) {
            JsonNode r = JSON.readTree(line);
            if (!r.path("cluster").asText().equals("k8s-west")
                    || !r.path("userAgent").asText().startsWith(ControllerCommand.USER_AGENT)) {
                continue;
            }
            String resource = r.path("resource").asText() + (r.has("subresource") ? "/" + r.path("subresource")
                    .asText() : "");
            String key = RbacRules.key(r.path("apiGroup").asText(), resource, r.path("verb").asText());
            used.add(key);
            if (!rbac.allows(r.path("verb").asText(), r.path("apiGroup").asText(), resource,
                    r.path("namespace").asText(null))) {
                refused.add(key + (r.has("namespace") ? " in " + r.path("namespace").asText() : ""));
            }
        }
        assertFalse(used.isEmpty(), "the audit log has no request of the controller");
        assertTrue(refused.isEmpty(), "the controller used what deploy/rbac.yaml does not grant: " + refused
                + "\nused: " + used);
        // that nothing granted goes unused is RbacFromDrillsTest's check: it sees every workflow, this run only the
        // destination's set-up and failover
    }

    /** The controller's /metrics, /readyz and /healthz, at the port its console names. */
    private record Scrape(int port) {
        Scrape(String console) {
            this(Integer.parseInt(console.lines().filter(l -> l.startsWith("Health and metrics on port "))
                    .findFirst().orElseThrow(() -> new AssertionError("no health port in: " + console))
                    .replaceAll("^Health and metrics on port (\\d+):.*$", "$1")));
        }

        int status(String path) throws Exception {
            return get(path).statusCode();
        }

        String text() throws Exception {
            java.net.http.HttpResponse<String> r = get("/metrics");
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            return r.body();
        }

        /** The value of the sample line whose name and labels are {@code series}. */
        String sample(String series) throws Exception {
            String text = text();
            return text.lines().filter(l -> l.startsWith(series + " ")).map(l -> l.substring(series.length() + 1))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + series + " in:\n" + text));
        }

        private java.net.http.HttpResponse<String> get(String path) throws Exception {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aReconcileThatFailsIsPrintedWithTheFixAndNoSecretAndTheBackendsSecretFixesIt() throws Exception {
        Path out = dir.resolve("serve");
        // the steps apply everything and stop at the AMR's await: nothing reconciles k8s-west
        CommandThread serve = start("serve-it", "Serving until Ctrl-C", "serve", "setup-replication", "--run-steps",
                "--no-engine", "k8s-west", "--speed", String.valueOf(SPEED), "--out", out.toString(),
                "--no-progress");
        JsonNode endpoints = JSON.readTree(out.resolve("endpoints.json").toFile());
        List<String> args = new ArrayList<>(List.of("controller", "--kubeconfig", out.resolve("kubeconfig")
                .toString(), "--context", "k8s-west"));   // no --ontap-credentials
        endpoints.path("ontap").forEach(o -> args.addAll(List.of("--ontap-endpoint", o.path("name").asText() + "="
                + o.path("managementUrl").asText())));
        endpoints.path("s3").forEach(s -> args.addAll(List.of("--s3-endpoint", s.path("host").asText() + "="
                + s.path("endpoint").asText())));
        CommandThread controller = start("controller-it", "Running until Ctrl-C", args.toArray(String[]::new));
        assertTrue(controller.out.toString().contains("ONTAP users for management LIFs: none in --ontap-credentials;"
                + " each from its Trident backend's Secret"), controller.console());

        // the backends were made as tridentctl makes them, but their credentials Secrets are gone
        await().atMost(Duration.ofMinutes(2)).until(() -> controller.out.toString().contains(
                "reconcile failed: k8s-west/AppMirrorRelationship " + NS + "/" + AMR));
        String line = controller.out.toString().lines().filter(l -> l.contains("reconcile failed")).findFirst()
                .orElseThrow();
        assertTrue(line.matches(".*no ONTAP credentials for management LIF ontap-(east|west): Secret trident/tbe-\\S+"
                + " of backend trident/\\S+ is missing or lacks \"username\" and \"password\"; fix the backend's"
                + " credentials \\(tridentctl update backend\\).*"), line);

        // Trident's own record of them (tbe-<backendUUID>, keys username and password): the controller reads it
        String kubeconfig = Files.readString(out.resolve("kubeconfig"));
        KubernetesPort west = port(Config.fromKubeconfig("k8s-west", kubeconfig, out.resolve("kubeconfig").toString()));
        JsonNode credentials = JSON.readTree(out.resolve("credentials.json").toFile());
        for (var backend : west.list("trident.netapp.io/v1", "TridentBackend", "trident",
                io.mirrordrill.port.kubernetes.LabelSelector.everything())) {
            JsonNode b = Resources.toTree(backend);
            JsonNode user = credentials.path("ontap").path(b.path("config").path("ontap_config").path("managementLIF")
                    .asText());
            west.create(Resources.fromTree((com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(
                    java.util.Map.of("apiVersion", "v1", "kind", "Secret", "type", "Opaque", "metadata", java.util.Map
                            .of("name", "tbe-" + b.path("backendUUID").asText(), "namespace", "trident"),
                            "stringData", java.util.Map.of("username", user.path("username").asText(), "password",
                                    user.path("password").asText())))));
        }
        awaitField(west, "AppMirrorRelationship", NS, AMR, "Established");

        assertEquals(0, controller.stop(), controller.console());
        for (JsonNode user : credentials.path("ontap")) {
            assertFalse(controller.console().contains(user.path("password").asText()), "an ONTAP password shown");
        }
        for (JsonNode key : credentials.path("s3")) {
            assertFalse(controller.console().contains(key.path("secretAccessKey").asText()), "an S3 secret shown");
        }
        assertEquals(0, serve.stop(), serve.console());
    }

    /** A line the app writes to its volume ({@code kubectl exec db-... -- sh -c 'echo ... >> /data/...'}). */
    private void writeMarker(Config config) {
        KubernetesClient client = Fabric8KubernetesPort.jdkClient(config);
        toClose.add(client);
        String pod = new Fabric8KubernetesPort(client).list("v1", "Pod", NS,
                io.mirrordrill.port.kubernetes.LabelSelector.everything()).stream().map(p -> p.getMetadata().getName())
                .filter(n -> n.startsWith("db-")).findFirst().orElseThrow();
        var run = new io.mirrordrill.adapter.kubernetes.Fabric8PodExecPort(client).exec(NS, pod, "db", List.of("sh",
                "-c", "echo before-the-first-snapshot >> /data/marker.txt"), Duration.ofSeconds(30));
        assertEquals(0, run.exitCode(), run.toString());
    }

    /** The seed app's Deployment {@code db} has its one replica ready. */
    private static void awaitReady(KubernetesPort api) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> api.get("apps/v1",
                "Deployment", NS, "db").map(Resources::toTree).map(d -> d.path("status").path("readyReplicas")
                .asInt()).orElse(0) == 1);
    }

    private KubernetesPort port(Config config) {
        KubernetesClient client = Fabric8KubernetesPort.jdkClient(config);
        toClose.add(client);
        return new Fabric8KubernetesPort(client);
    }

    private static String seed(String file) throws IOException {
        return Files.readString(BuiltInDrills.directory().resolve("seed").resolve(file));
    }

    private JsonNode awaitField(KubernetesPort api, String kind, String namespace, String name, String state) {
        try {
            return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .until(() -> api.get(PROTECT, kind, namespace, name).map(Resources::toTree).orElse(null),
                            r -> r != null && r.path("status").path("state").asText().equals(state));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder consoles = new StringBuilder();
            running.forEach(r -> consoles.append("\n--- ").append(r.thread.getName()).append(":\n")
                    .append(r.console()));
            throw new AssertionError(kind + " " + namespace + "/" + name + " not " + state + ": " + e.getMessage()
                    + consoles, e);
        }
    }
}
