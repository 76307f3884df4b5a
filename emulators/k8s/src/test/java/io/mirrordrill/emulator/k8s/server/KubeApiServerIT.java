package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.World;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wire conventions of {@link KubeApiServer}, with a bare HTTP client on loopback. */
class KubeApiServerIT {
    private static final String CM = "/api/v1/namespaces/app/configmaps";

    private final HttpClient http = HttpClient.newHttpClient();
    private World world;
    private KubeApiServer server;

    @BeforeEach
    void start() throws Exception {
        world = new World(7);
        world.network().site("dc").site("ops").link("dc", "ops", Duration.ofMillis(5), 125_000_000L);
        server = KubeApiServer.builder(new KubernetesCluster(world, "east", "dc")).clientSite("ops").start();
        assertEquals(201, send("POST", "/api/v1/namespaces", "{\"metadata\":{\"name\":\"app\"}}", null).statusCode());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void discoveryServesVersionCoreGroupsAndTheKindsOfNewDefinitions() throws Exception {
        assertEquals("v1.31.0", json(get("/version")).path("gitVersion").asText());
        assertEquals("v1", json(get("/api")).path("versions").get(0).asText());
        assertTrue(names(json(get("/api/v1")).path("resources")).containsAll(List.of("configmaps", "pods",
                "namespaces/status")));
        assertTrue(names(json(get("/apis/apps/v1")).path("resources")).contains("deployments/status"));
        JsonNode namespaces = json(get("/api/v1")).path("resources").findParents("name").stream()
                .filter(r -> r.path("name").asText().equals("namespaces")).findFirst().orElseThrow();
        assertEquals("ns", namespaces.path("shortNames").get(0).asText(), "what kubectl get ns resolves");
        assertFalse(names(json(get("/apis")).path("groups")).contains("test.mirrordrill.io"));
        assertEquals(201, send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", """
                {"metadata":{"name":"drills.test.mirrordrill.io"},"spec":{"group":"test.mirrordrill.io",
                 "scope":"Namespaced","names":{"kind":"Drill","plural":"drills"},
                 "versions":[{"name":"v1","served":true,"storage":true}]}}""", null).statusCode());
        assertTrue(names(json(get("/apis")).path("groups")).contains("test.mirrordrill.io"));
        assertEquals("Drill", json(get("/apis/test.mirrordrill.io/v1")).path("resources").get(0).path("kind")
                .asText());
        assertEquals(404, get("/apis/nowhere.io/v1").statusCode());
    }

    @Test
    void errorsAreStatusDocumentsWithTheApiServersReasonAndDetails() throws Exception {
        JsonNode missing = json(get(CM + "/nope"));
        assertEquals(404, missing.path("code").asInt());
        assertEquals("NotFound", missing.path("reason").asText());
        assertEquals("configmaps \"nope\" not found", missing.path("message").asText());
        assertEquals("configmaps", missing.path("details").path("kind").asText());
        send("POST", CM, configMap("cfg"), null);
        JsonNode exists = json(send("POST", CM, configMap("cfg"), null));
        assertEquals("AlreadyExists", exists.path("reason").asText());
        assertEquals("configmaps \"cfg\" already exists", exists.path("message").asText());
        HttpResponse<String> invalid = send("POST", CM, configMap("Bad_Name"), null);
        assertEquals(422, invalid.statusCode());
        assertEquals("metadata.name", json(invalid).path("details").path("causes").get(0).path("field").asText());
        assertEquals("Status", json(get("/api/v1/namespaces/app/widgets")).path("kind").asText());
        assertEquals(400, send("POST", "/api/v1/namespaces/other/configmaps", configMap("x").replace(
                "\"name\"", "\"namespace\":\"app\",\"name\""), null).statusCode());
    }

    @Test
    void everyPatchTypeOfTheKindIsAcceptedOthersAre415NamingTheAcceptedOnes() throws Exception {
        send("POST", CM, configMap("cfg"), null);
        HttpResponse<String> merge = send("PATCH", CM + "/cfg", "{\"data\":{\"k\":\"v2\"}}",
                "application/merge-patch+json");
        assertEquals("v2", json(merge).path("data").path("k").asText());
        HttpResponse<String> strategic = send("PATCH", CM + "/cfg", "{\"data\":{\"k\":\"v3\"}}",
                "application/strategic-merge-patch+json");
        assertEquals("v3", json(strategic).path("data").path("k").asText());
        HttpResponse<String> jsonPatch = send("PATCH", CM + "/cfg", "[{\"op\":\"add\",\"path\":\"/data/j\","
                + "\"value\":\"x\"}]", "application/json-patch+json");
        assertEquals("x", json(jsonPatch).path("data").path("j").asText());
        HttpResponse<String> unknown = send("PATCH", CM + "/cfg", "{}", "application/yaml");
        assertEquals(415, unknown.statusCode());
        assertEquals("UnsupportedMediaType", json(unknown).path("reason").asText());
        assertEquals("the body of the request was in an unknown format - accepted media types include: "
                + "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, "
                + "application/apply-patch+yaml", json(unknown).path("message").asText());
        send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", """
                {"metadata":{"name":"drills.test.mirrordrill.io"},"spec":{"group":"test.mirrordrill.io",
                 "scope":"Namespaced","names":{"kind":"Drill","plural":"drills"},
                 "versions":[{"name":"v1","served":true,"storage":true}]}}""", null);
        String drills = "/apis/test.mirrordrill.io/v1/namespaces/app/drills";
        send("POST", drills, "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"a\":1}}", null);
        HttpResponse<String> onCustom = send("PATCH", drills + "/d", "{\"spec\":{\"a\":2}}",
                "application/strategic-merge-patch+json");
        assertEquals(415, onCustom.statusCode(), "custom resources take no strategic merge patch");
        assertTrue(json(onCustom).path("message").asText().endsWith("application/json-patch+json, "
                + "application/merge-patch+json, application/apply-patch+yaml"));
    }

    @Test
    void aScaleSubresourceReadsAndWritesTheReplicasOfADeployment() throws Exception {
        String deployments = "/apis/apps/v1/namespaces/app/deployments";
        send("POST", deployments, "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":1,\"selector\":"
                + "{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":"
                + "\"web\"}}}}}", null);
        JsonNode scale = json(get(deployments + "/web/scale"));
        assertEquals("Scale", scale.path("kind").asText());
        assertEquals("autoscaling/v1", scale.path("apiVersion").asText());
        assertEquals(1, scale.path("spec").path("replicas").asInt());
        assertEquals("app=web", scale.path("status").path("selector").asText());
        JsonNode patched = json(send("PATCH", deployments + "/web/scale", "{\"spec\":{\"replicas\":4}}",
                "application/merge-patch+json"));
        assertEquals(4, patched.path("spec").path("replicas").asInt());
        assertEquals(4, json(get(deployments + "/web")).path("spec").path("replicas").asInt());
        HttpResponse<String> negative = send("PUT", deployments + "/web/scale",
                "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"metadata\":{\"name\":\"web\"},"
                        + "\"spec\":{\"replicas\":-1}}", null);
        assertEquals(422, negative.statusCode());
        JsonNode apps = json(get("/apis/apps/v1")).path("resources");
        JsonNode sub = apps.findParents("name").stream().filter(r -> r.path("name").asText()
                .equals("deployments/scale")).findFirst().orElseThrow();
        assertEquals("autoscaling", sub.path("group").asText());
        assertEquals("Scale", sub.path("kind").asText());
        assertEquals(404, get("/api/v1/namespaces/app/configmaps/x/scale").statusCode());
    }

    @Test
    void listsCarryTheRevisionFilterBySelectorsAndOmitTheKindOfBuiltInItems() throws Exception {
        send("POST", CM, configMap("a"), null);
        send("POST", CM, configMap("b"), null);
        JsonNode list = json(get(CM));
        assertEquals("ConfigMapList", list.path("kind").asText());
        assertFalse(list.path("metadata").path("resourceVersion").asText().isEmpty());
        assertFalse(list.path("items").get(0).has("kind"));
        assertEquals(List.of("b"), itemNames(json(get(CM + "?fieldSelector=metadata.name%3Db"))));
        assertEquals(List.of("a"), itemNames(json(get(CM + "?labelSelector=tier%20in%20(db)"))));
        assertEquals(400, get(CM + "?fieldSelector=spec.x%3D1").statusCode());
        assertEquals(List.of("a", "b"), itemNames(json(get("/api/v1/configmaps"))));
    }

    @Test
    void aClaimBoundToAVolumeCannotBePointedAtAnotherOneOverTheWire() throws Exception {
        String claims = "/api/v1/namespaces/app/persistentvolumeclaims";
        assertEquals(201, send("POST", claims, "{\"metadata\":{\"name\":\"data\"},\"spec\":{\"accessModes\":"
                + "[\"ReadWriteOnce\"],\"resources\":{\"requests\":{\"storage\":\"1Gi\"}},\"volumeName\":\"pv-a\"}}",
                null).statusCode());
        HttpResponse<String> moved = send("PATCH", claims + "/data", "{\"spec\":{\"volumeName\":\"pv-b\"}}",
                "application/merge-patch+json");
        assertEquals(422, moved.statusCode(), moved.body());
        JsonNode status = json(moved);
        assertEquals("Invalid", status.path("reason").asText());
        assertTrue(status.path("message").asText().contains("spec: Forbidden: spec is immutable after creation "
                + "except resources.requests and volumeAttributesClassName for bound claims"), moved.body());
        assertEquals("pv-a", json(get(claims + "/data")).path("spec").path("volumeName").asText());
    }

    @Test
    void deleteAnswersASuccessStatusOrTheObjectItsFinalizersKeep() throws Exception {
        send("POST", CM, configMap("gone"), null);
        JsonNode deleted = json(send("DELETE", CM + "/gone", null, null));
        assertEquals("Success", deleted.path("status").asText());
        assertEquals("configmaps", deleted.path("details").path("kind").asText());
        send("POST", CM, "{\"metadata\":{\"name\":\"held\",\"finalizers\":[\"x/y\"]}}", null);
        JsonNode held = json(send("DELETE", CM + "/held", null, null));
        assertEquals("ConfigMap", held.path("kind").asText());
        assertFalse(held.path("metadata").path("deletionTimestamp").asText().isEmpty());
    }

    @Test
    void anHttpWatchStreamsEventLinesOnceSimulatedTimePasses() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> watch = http.send(HttpRequest.newBuilder(uri(CM + "?watch=true")).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, watch.statusCode());
        Thread reader = new Thread(() -> {
            try {
                watch.body().forEach(lines::add);
            } catch (UncheckedIOException serverStopped) {
                // the stream ends when the test stops the server
            }
        });
        reader.setDaemon(true);
        reader.start();
        send("POST", CM, configMap("cfg"), null);
        assertTrue(lines.isEmpty(), "no event before time passes: the link takes 5 ms");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            server.advance(Duration.ofMillis(10));
            assertEquals(1, lines.size());
        });
        JsonNode event = Resources.mapper().readTree(lines.get(0));
        assertEquals("ADDED", event.path("type").asText());
        assertEquals("ConfigMap", event.path("object").path("kind").asText());
    }

    @Test
    void aWebsocketWatchFromAForgottenVersionEndsWithA410ErrorEvent() {
        List<String> messages = new CopyOnWriteArrayList<>();
        http.newWebSocketBuilder().buildAsync(URI.create(server.endpoint().toString().replace("http", "ws") + CM
                + "?watch=true&resourceVersion=-5"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        messages.add(data.toString());
                        return WebSocket.Listener.super.onText(ws, data, last);
                    }
                }).join();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !messages.isEmpty());
        JsonNode error = Resources.mapper().valueToTree(parse(messages.get(0)));
        assertEquals("ERROR", error.path("type").asText());
        assertEquals(410, error.path("object").path("code").asInt());
        assertEquals("Expired", error.path("object").path("reason").asText());
    }

    @Test
    void anUnreachableClusterClosesTheConnectionUnanswered() {
        server.withLock(() -> world.network().partition("dc", "ops"));
        assertThrows(IOException.class, () -> get(CM));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    @Test
    void aLeaseUpdatedFromAStaleResourceVersionIsRefusedWith409AsLeaderElectionExpects() throws Exception {
        String leases = "/apis/coordination.k8s.io/v1/namespaces/app/leases";
        assertTrue(names(json(get("/apis/coordination.k8s.io/v1")).path("resources")).contains("leases"));
        JsonNode created = json(send("POST", leases, """
                {"metadata":{"name":"ctl"},"spec":{"holderIdentity":"a","leaseDurationSeconds":15}}""", null));
        String rv = created.path("metadata").path("resourceVersion").asText();
        // a renewal changes renewTime (an update that changes nothing keeps the resourceVersion, as etcd's does)
        String renew = "{\"metadata\":{\"name\":\"ctl\",\"resourceVersion\":\"%s\"},"
                + "\"spec\":{\"holderIdentity\":\"%s\",\"leaseDurationSeconds\":15,"
                + "\"renewTime\":\"2026-01-01T00:00:%02d.000000Z\"}}";
        HttpResponse<String> first = send("PUT", leases + "/ctl", renew.formatted(rv, "a", 1), null);
        assertEquals(200, first.statusCode(), first.body());
        HttpResponse<String> stale = send("PUT", leases + "/ctl", renew.formatted(rv, "b", 2), null);
        assertEquals(409, stale.statusCode());
        assertEquals("Conflict", json(stale).path("reason").asText());
        assertEquals("a", json(get(leases + "/ctl")).path("spec").path("holderIdentity").asText());
    }

    @Test
    void aDryRunCreateOrPatchAnswersTheResultButKeepsNothing() throws Exception {
        String revision = json(get(CM)).path("metadata").path("resourceVersion").asText();
        HttpResponse<String> dryCreate = send("POST", CM + "?dryRun=All", configMap("dry"), null);
        assertEquals(201, dryCreate.statusCode(), dryCreate.body());
        assertEquals("dry", json(dryCreate).path("metadata").path("name").asText());
        assertFalse(json(dryCreate).path("metadata").path("creationTimestamp").asText().isEmpty());
        assertEquals(404, get(CM + "/dry").statusCode());
        assertEquals(revision, json(get(CM)).path("metadata").path("resourceVersion").asText(),
                "no resourceVersion is taken");

        send("POST", CM, configMap("cfg"), null);
        HttpResponse<String> dryPatch = send("PATCH", CM + "/cfg?dryRun=All", "{\"data\":{\"k\":\"dry\"}}",
                "application/merge-patch+json");
        assertEquals(200, dryPatch.statusCode(), dryPatch.body());
        assertEquals("dry", json(dryPatch).path("data").path("k").asText());
        assertFalse(json(get(CM + "/cfg")).path("data").path("k").asText().equals("dry"));
        assertEquals(409, send("POST", CM + "?dryRun=All", configMap("cfg"), null).statusCode(),
                "a dry run is admitted like a real create: the name is taken");
        assertEquals(404, send("POST", "/api/v1/namespaces/none/configmaps?dryRun=All", configMap("x"), null)
                .statusCode(), "nor into a namespace that does not exist");
    }

    @Test
    void aDryRunValueOtherThanAllIsInvalid() throws Exception {
        HttpResponse<String> bad = send("POST", CM + "?dryRun=Some", configMap("x"), null);
        assertEquals(422, bad.statusCode());
        assertTrue(json(bad).path("message").asText().contains("supported values: \"All\""), bad.body());
        assertEquals(404, get(CM + "/x").statusCode());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType != null ? contentType : "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(server.endpoint() + path);
    }

    private static String configMap(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":"
                + (name.equals("a") ? "{\"tier\":\"db\"}" : "{}") + "},\"data\":{\"k\":\"v\"}}";
    }

    private static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    private static JsonNode parse(String text) {
        try {
            return Resources.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static List<String> names(JsonNode array) {
        return array.findValues("name").stream().map(JsonNode::asText).toList();
    }

    private static List<String> itemNames(JsonNode list) {
        return list.path("items").findValues("metadata").stream().map(m -> m.path("name").asText()).toList();
    }
}
