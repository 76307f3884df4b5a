package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.k8s.cluster.ClusterSimulator;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.World;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real kubectl 1.32 patching, applying and scaling workloads of a served cluster whose simulator runs them:
 * client-side apply (strategic merge for built-ins), server-side apply with conflicts, the three patch types on a
 * Deployment and on a custom resource, {@code scale}, {@code rollout status} and {@code wait}.
 */
class KubectlPatchIT {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default, labels: {app: web}}
            spec:
              replicas: %d
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: app
                    image: %s
                    env: [{name: MODE, value: %s}]
            """;
    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: drills.test.mirrordrill.io}
            spec:
              group: test.mirrordrill.io
              scope: Namespaced
              names: {kind: Drill, plural: drills, singular: drill}
              versions:
              - name: v1
                served: true
                storage: true
                schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
            """;

    @TempDir
    Path dir;
    private World world;
    private KubeApiServer server;
    private Kubectl kubectl;

    @BeforeEach
    void start() {
        world = new World(11);
        world.network().site("dc");
        KubernetesCluster cluster = new KubernetesCluster(world, "k1", "dc");
        new ClusterSimulator(world, cluster.port(), "k1", "dc", new OntapEmulator(world)).start();
        server = KubeApiServer.builder(cluster).start();
        kubectl = new Kubectl(server.endpoint(), dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSecondApplyChangesWhatTheFileChangedAndKeepsWhatOthersSet() {
        apply(deployment(1, "shop:1", "fast"));
        kubectl.run("label", "deployment", "web", "team=blue").ok();
        kubectl.run("patch", "deployment", "web", "--type=merge", "-p",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"shop:1\","
                        + "\"env\":[{\"name\":\"MODE\",\"value\":\"fast\"}]},{\"name\":\"sidecar\","
                        + "\"image\":\"log:1\"}]}}}}").ok();
        String out = apply(deployment(1, "shop:2", "fast")).out();
        assertTrue(out.contains("deployment.apps/web configured"), out);
        JsonNode web = get("deployment", "web");
        JsonNode containers = web.path("spec").path("template").path("spec").path("containers");
        assertEquals(List.of("app", "sidecar"), names(containers), "the container kubectl apply never managed stays");
        assertEquals("shop:2", containers.get(0).path("image").asText());
        assertEquals("fast", containers.get(0).path("env").get(0).path("value").asText());
        assertEquals("blue", web.path("metadata").path("labels").path("team").asText());
        assertTrue(web.path("metadata").path("annotations").path("kubectl.kubernetes.io/last-applied-configuration")
                .asText().contains("shop:2"));
    }

    @Test
    void serverSideApplyCreatesOwnsItsFieldsAndReportsAConflictUnlessForced() {
        Kubectl.Result created = kubectl.run("apply", "--server-side", "--validate=false", "-f",
                file(deployment(2, "shop:1", "fast"))).ok();
        assertTrue(created.out().contains("deployment.apps/web serverside-applied"), created.out());
        JsonNode managed = json(kubectl.run("get", "deployment", "web", "-o", "json", "--show-managed-fields").ok()
                .out()).path("metadata").path("managedFields").get(0);
        assertEquals("kubectl", managed.path("manager").asText());
        assertEquals("Apply", managed.path("operation").asText());
        assertTrue(managed.path("fieldsV1").path("f:spec").path("f:template").path("f:spec").path("f:containers")
                .has("k:{\"name\":\"app\"}"), managed.toString());
        kubectl.run("patch", "deployment", "web", "--type=merge", "-p", "{\"spec\":{\"replicas\":3}}").ok();
        Kubectl.Result refused = kubectl.run("apply", "--server-side", "--validate=false", "-f",
                file(deployment(2, "shop:1", "fast")));
        assertNotEquals(0, refused.exit());
        assertTrue(refused.err().contains("Apply failed with 1 conflict: conflict with \"kubectl-patch\" using "
                + "apps/v1: .spec.replicas"), refused.err());
        assertEquals(3, get("deployment", "web").path("spec").path("replicas").asInt());
        kubectl.run("apply", "--server-side", "--force-conflicts", "--validate=false", "-f",
                file(deployment(2, "shop:2", "fast"))).ok();
        JsonNode web = get("deployment", "web");
        assertEquals(2, web.path("spec").path("replicas").asInt());
        assertEquals("shop:2", web.path("spec").path("template").path("spec").path("containers").get(0)
                .path("image").asText());
    }

    @Test
    void kubectlServerSideApplyTakesOverWhatItsClientSideApplySetButNotWhatOthersChanged() {
        apply(deployment(2, "shop:1", "fast"));
        kubectl.run("apply", "--server-side", "--validate=false", "-f", file(deployment(3, "shop:1", "fast"))).ok();
        JsonNode web = get("deployment", "web");
        assertEquals(3, web.path("spec").path("replicas").asInt());
        assertTrue(web.path("metadata").path("annotations").path("kubectl.kubernetes.io/last-applied-configuration")
                .asText().contains("\"replicas\":3"), "the annotation follows the applied configuration");
        kubectl.run("set", "image", "deployment/web", "app=shop:7").ok();
        Kubectl.Result refused = kubectl.run("apply", "--server-side", "--validate=false", "-f",
                file(deployment(3, "shop:2", "fast")));
        assertTrue(refused.err().contains("conflict with \"kubectl-set\""), refused.err());
    }

    @Test
    void patchesOfEachTypeChangeADeploymentAndACustomResourceRefusesOnlyStrategicMerge() {
        apply(deployment(1, "shop:1", "fast"));
        kubectl.run("patch", "deployment", "web", "-p", "{\"spec\":{\"template\":{\"spec\":{\"containers\":"
                + "[{\"name\":\"app\",\"env\":[{\"name\":\"LEVEL\",\"value\":\"debug\"}]}]}}}}").ok();
        JsonNode app = get("deployment", "web").path("spec").path("template").path("spec").path("containers").get(0);
        assertEquals("shop:1", app.path("image").asText(), "strategic merge merges the container by name");
        assertEquals(List.of("LEVEL", "MODE"), names(app.path("env")),
                "without $setElementOrder the API server puts the patch's items first");
        kubectl.run("patch", "deployment", "web", "--type=json", "-p",
                "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":2}]").ok();
        assertEquals(2, get("deployment", "web").path("spec").path("replicas").asInt());
        Kubectl.Result failed = kubectl.run("patch", "deployment", "web", "--type=json", "-p",
                "[{\"op\":\"remove\",\"path\":\"/spec/nothing\"}]");
        assertNotEquals(0, failed.exit());
        assertTrue(failed.err().startsWith("The request is invalid: ") && failed.err().contains("/spec/nothing"),
                "a 422 whose cause kubectl prints: " + failed.err());

        apply(CRD);
        apply("""
                apiVersion: test.mirrordrill.io/v1
                kind: Drill
                metadata: {name: d1, namespace: default}
                spec: {steps: [a, b], owner: ops}
                """);
        Kubectl.Result strategic = kubectl.run("patch", "drill", "d1", "-p", "{\"spec\":{\"owner\":\"dev\"}}");
        assertNotEquals(0, strategic.exit());
        assertTrue(strategic.err().contains("application/strategic-merge-patch+json is not supported"),
                strategic.err());
        kubectl.run("patch", "drill", "d1", "--type=merge", "-p", "{\"spec\":{\"owner\":\"dev\",\"note\":\"hi\"}}")
                .ok();
        kubectl.run("patch", "drill", "d1", "--type=json", "-p",
                "[{\"op\":\"add\",\"path\":\"/spec/steps/-\",\"value\":\"c\"}]").ok();
        JsonNode d1 = get("drill", "d1");
        assertEquals("dev", d1.path("spec").path("owner").asText());
        assertEquals(List.of("a", "b", "c"), List.of(d1.path("spec").path("steps").get(0).asText(),
                d1.path("spec").path("steps").get(1).asText(), d1.path("spec").path("steps").get(2).asText()));
        apply("""
                apiVersion: test.mirrordrill.io/v1
                kind: Drill
                metadata: {name: d1, namespace: default}
                spec: {steps: [a, b], owner: ops, level: 2}
                """);
        JsonNode reapplied = get("drill", "d1");
        assertEquals(2, reapplied.path("spec").path("level").asInt(), "a second apply sends a merge patch");
        assertEquals("ops", reapplied.path("spec").path("owner").asText(), "what the file holds, the file sets");
        assertEquals(2, reapplied.path("spec").path("steps").size());
        assertEquals("hi", reapplied.path("spec").path("note").asText(), "what the file never held stays");
    }

    @Test
    void scalingADeploymentRunsAsManyPodsOnceTimePasses() {
        apply(deployment(1, "shop:1", "fast"));
        server.advance(Duration.ofSeconds(30));
        Kubectl.Result scaled = kubectl.run("scale", "deployment/web", "--replicas=3").ok();
        assertTrue(scaled.out().contains("deployment.apps/web scaled"), scaled.out());
        assertEquals(3, get("deployment", "web").path("spec").path("replicas").asInt());
        server.advance(Duration.ofSeconds(30));
        JsonNode pods = json(kubectl.run("get", "pods", "-l", "app=web", "-o", "json").ok().out()).path("items");
        assertEquals(3, pods.size());
        pods.forEach(p -> assertEquals("Running", p.path("status").path("phase").asText()));
        assertEquals(3, get("deployment", "web").path("status").path("readyReplicas").asInt());
    }

    @Test
    void rolloutStatusFinishesAndWaitSeesTheDeploymentAvailable() {
        apply(deployment(2, "shop:1", "fast"));
        Kubectl.Result rollout = whileTimePasses(kubectl.start("rollout", "status", "deployment/web",
                "--timeout=60s"));
        assertEquals(0, rollout.exit(), rollout.err());
        assertTrue(rollout.out().contains("deployment \"web\" successfully rolled out"), rollout.out());
        apply(deployment(2, "shop:2", "fast"));
        Kubectl.Result second = whileTimePasses(kubectl.start("rollout", "status", "deployment/web",
                "--timeout=60s"));
        assertEquals(0, second.exit(), second.err());
        Kubectl.Result waited = whileTimePasses(kubectl.start("wait", "--for=condition=Available",
                "deployment/web", "--timeout=60s"));
        assertEquals(0, waited.exit(), waited.err());
        assertTrue(waited.out().contains("deployment.apps/web condition met"), waited.out());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Kubectl.Result apply(String yaml) {
        return kubectl.run("apply", "--validate=false", "-f", file(yaml)).ok();
    }

    private String file(String yaml) {
        return Kubectl.file(dir, "f" + Integer.toHexString(yaml.hashCode()) + ".yaml", yaml);
    }

    private static String deployment(int replicas, String image, String mode) {
        return DEPLOYMENT.formatted(replicas, image, mode);
    }

    private JsonNode get(String resource, String name) {
        return json(kubectl.run("get", resource, name, "-o", "json").ok().out());
    }

    /** Lets a simulated second pass every few milliseconds until kubectl ends (it watches for what it awaits). */
    private Kubectl.Result whileTimePasses(Process p) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            server.advance(Duration.ofSeconds(1));
            return !p.isAlive();
        });
        return Kubectl.result(p);
    }

    private static List<String> names(JsonNode items) {
        List<String> out = new java.util.ArrayList<>();
        items.forEach(i -> out.add(i.path("name").asText()));
        return out;
    }

    private static JsonNode json(String text) {
        try {
            return Resources.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
