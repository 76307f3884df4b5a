package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.k8s.cluster.ClusterSimulator;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real kubectl 1.32 deleting pods of a served cluster whose kubelet stops them gracefully: a pod stays
 * Terminating for {@code --grace-period} (its application here ignores SIGTERM), {@code --grace-period=0} without
 * {@code --force} is sent as 1 by kubectl, and {@code --force --grace-period=0} removes the pod at once.
 */
class KubectlDeleteGraceIT {
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: %s
              namespace: default
              annotations: {sim.mirrordrill.io/sigterm-exit-seconds: "never"}
            spec:
              terminationGracePeriodSeconds: 60
              containers: [{name: app, image: shop:1}]
            """;

    @TempDir
    Path dir;
    private KubeApiServer server;
    private Kubectl kubectl;

    @BeforeEach
    void start() {
        World world = new World(5);
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

    private void run(String name) {
        kubectl.run("apply", "--validate=false", "-f", Kubectl.file(dir, name + ".yaml", POD.formatted(name))).ok();
        server.advance(Duration.ofSeconds(10));
        assertEquals("Running", pod(name).path("status").path("phase").asText());
    }

    private JsonNode pod(String name) {
        try {
            return Resources.mapper().readTree(kubectl.run("get", "pod", name, "-o", "json").ok().out());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private boolean exists(String name) {
        return kubectl.run("get", "pod", name, "--ignore-not-found", "-o", "name").ok().out().contains(name);
    }

    @Test
    void aPodDeletedWithAGracePeriodIsTerminatingForThatLongThenGone() {
        run("web");
        kubectl.run("delete", "pod", "web", "--grace-period=7", "--wait=false").ok();
        assertEquals(7, pod("web").path("metadata").path("deletionGracePeriodSeconds").asInt());
        String listed = kubectl.run("get", "pods").ok().out();
        assertTrue(listed.contains("Terminating"), listed);
        server.advance(Duration.ofSeconds(5));
        assertTrue(exists("web"), "still within its 7 s");
        server.advance(Duration.ofSeconds(3));
        assertTrue(!exists("web"), "killed after 7 s and removed");
    }

    @Test
    void gracePeriodZeroWithoutForceIsSentAsOneSecond() {
        run("api");
        kubectl.run("delete", "pod", "api", "--grace-period=0", "--wait=false").ok();
        assertEquals(1, pod("api").path("metadata").path("deletionGracePeriodSeconds").asInt());
    }

    @Test
    void aForceDeleteWithGracePeriodZeroRemovesThePodAtOnce() {
        run("db");
        Kubectl.Result forced = kubectl.run("delete", "pod", "db", "--grace-period=0", "--force",
                "--wait=false");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(forced.err().contains("Immediate deletion does not wait for confirmation"), forced.err());
        assertTrue(!exists("db"));
    }

    @Test
    void deleteOptionsInTheBodyOrTheQueryGiveTheGracePeriodAndANonNumericOneIsABadRequest() throws Exception {
        run("bad");
        HttpResponse<String> refused = delete("/api/v1/namespaces/default/pods/bad",
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":\"soon\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(exists("bad"));
        HttpResponse<String> terminating = delete("/api/v1/namespaces/default/pods/bad?gracePeriodSeconds=12", null);
        assertEquals(200, terminating.statusCode(), terminating.body());
        assertEquals(12, Resources.mapper().readTree(terminating.body()).path("metadata")
                .path("deletionGracePeriodSeconds").asInt(), "the answer is the pod, now terminating");
    }

    private HttpResponse<String> delete(String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + path)).method("DELETE",
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
