package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bodies of the wrong type get the API server's 400/422 Status, never a 500; Secrets never echo stringData. */
class KubeApiServerBadInputIT {
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/app/deployments";
    private static final String SECRETS = "/api/v1/namespaces/app/secrets";
    private static final String DEPLOYMENT = """
            {"metadata":{"name":"web"},"spec":{"replicas":%s,"selector":{"matchLabels":{"app":"web"}},
             "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private KubeApiServer server;

    @BeforeEach
    void start() throws Exception {
        World world = new World(5);
        world.network().site("dc");
        server = KubeApiServer.builder(new KubernetesCluster(world, "east", "dc")).start();
        assertEquals(201, send("POST", "/api/v1/namespaces", "application/json", "{\"metadata\":{\"name\":\"app\"}}")
                .statusCode());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void wrongTypedFieldsOfBuiltInKindsAre400WithGosDecodingMessage() throws Exception {
        assertBadRequest(send("POST", DEPLOYMENTS, "application/json", DEPLOYMENT.formatted("\"three\"")),
                "Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string into "
                        + "Go struct field DeploymentSpec.spec.replicas of type int32");
        assertBadRequest(send("POST", DEPLOYMENTS, "application/json",
                "{\"metadata\":{\"name\":\"x\"},\"spec\":\"x\"}"),
                "Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string into "
                        + "Go struct field Deployment.spec of type v1.DeploymentSpec");
        assertBadRequest(send("POST", "/api/v1/namespaces/app/configmaps", "application/json",
                "{\"metadata\":{\"name\":\"x\"},\"data\":[\"a\"]}"), "ConfigMap in version \"v1\" cannot be handled "
                + "as a ConfigMap: json: cannot unmarshal array into Go struct field ConfigMap.data of type "
                + "map[string]string");
        assertBadRequest(send("POST", "/api/v1/namespaces/app/configmaps", "application/json",
                "{\"metadata\":\"x\"}"), "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: "
                + "cannot unmarshal string into Go struct field ConfigMap.metadata of type v1.ObjectMeta");
        assertBadRequest(send("POST", DEPLOYMENTS, "application/json", "[{\"metadata\":{\"name\":\"x\"}}]"),
                "couldn't get version/kind; json parse error: json: cannot unmarshal array into Go value of type "
                        + "struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; Kind string "
                        + "\"json:\\\"kind,omitempty\\\"\" }");
        assertEquals(404, send("GET", DEPLOYMENTS + "/x", null, null).statusCode(), "nothing was created");
    }

    @Test
    void patchesThatLeaveAFieldOfTheWrongTypeAre400AndChangeNothing() throws Exception {
        assertEquals(201, send("POST", DEPLOYMENTS, "application/json", DEPLOYMENT.formatted("2")).statusCode());
        String replicas = "cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32";
        assertBadRequest(send("PATCH", DEPLOYMENTS + "/web", "application/merge-patch+json",
                "{\"spec\":{\"replicas\":\"three\"}}"), null, replicas);
        assertBadRequest(send("PATCH", DEPLOYMENTS + "/web", "application/strategic-merge-patch+json",
                "{\"spec\":{\"replicas\":\"three\"}}"), null, replicas);
        assertBadRequest(send("PATCH", DEPLOYMENTS + "/web", "application/json-patch+json",
                "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":\"three\"}]"), null, replicas);
        assertBadRequest(send("PATCH", DEPLOYMENTS + "/web?fieldManager=me", "application/apply-patch+yaml",
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
                        + "\"spec\":{\"replicas\":\"three\"}}"), null, replicas);
        assertEquals(2, json(send("GET", DEPLOYMENTS + "/web", null, null)).at("/spec/replicas").asInt());
    }

    @Test
    void wrongTypedFieldsOfCustomKindsAre422FromTheCrdsSchema() throws Exception {
        assertEquals(201, send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", "application/json",
                """
                {"metadata":{"name":"drills.test.mirrordrill.io"},"spec":{"group":"test.mirrordrill.io",
                 "scope":"Namespaced","names":{"kind":"Drill","plural":"drills"},
                 "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object",
                  "properties":{"spec":{"type":"object","properties":{"replicas":{"type":"integer"}}}}}}}]}}""")
                .statusCode());
        HttpResponse<String> r = send("POST", "/apis/test.mirrordrill.io/v1/namespaces/app/drills", "application/json",
                "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"replicas\":\"three\"}}");
        assertEquals(422, r.statusCode(), r.body());
        JsonNode status = json(r);
        assertEquals("Invalid", status.path("reason").asText());
        assertEquals("Drill.test.mirrordrill.io \"d\" is invalid: spec.replicas: Invalid value: \"string\": "
                + "spec.replicas in body must be of type integer: \"string\"", status.path("message").asText());
        assertEquals("spec.replicas", status.at("/details/causes/0/field").asText());
    }

    @Test
    void aSecretsStringDataLandsBase64InDataAndIsNeverReturned() throws Exception {
        HttpResponse<String> created = send("POST", SECRETS, "application/json",
                "{\"metadata\":{\"name\":\"db\"},\"data\":{\"user\":\"b2xk\"},\"stringData\":{\"user\":\"admin\","
                        + "\"password\":\"hunter2\"}}");
        assertEquals(201, created.statusCode(), created.body());
        for (HttpResponse<String> r : new HttpResponse[] {created, send("GET", SECRETS + "/db", null, null),
                send("GET", SECRETS, null, null)}) {
            assertFalse(r.body().contains("stringData"), r.body());
            assertFalse(r.body().contains("hunter2"), r.body());
        }
        JsonNode secret = json(send("GET", SECRETS + "/db", null, null));
        assertEquals("YWRtaW4=", secret.at("/data/user").asText());
        assertEquals("aHVudGVyMg==", secret.at("/data/password").asText());
        HttpResponse<String> patched = send("PATCH", SECRETS + "/db", "application/merge-patch+json",
                "{\"stringData\":{\"password\":\"swordfish\"}}");
        assertEquals("c3dvcmRmaXNo", json(patched).at("/data/password").asText());
        assertFalse(patched.body().contains("stringData"));
        HttpResponse<String> applied = send("PATCH", SECRETS + "/db?fieldManager=me", "application/apply-patch+yaml",
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\"},"
                        + "\"stringData\":{\"user\":\"root\"}}");
        assertEquals(200, applied.statusCode(), applied.body());
        assertEquals("cm9vdA==", json(applied).at("/data/user").asText());
        assertFalse(json(applied).has("stringData"), applied.body());
        assertFalse(applied.body().contains("root"), "the value only base64, in data");
        JsonNode current = json(send("GET", SECRETS + "/db", null, null));
        ((ObjectNode) current).putObject("stringData").put("extra", "x");
        HttpResponse<String> put = send("PUT", SECRETS + "/db", "application/json", current.toString());
        assertEquals("eA==", json(put).at("/data/extra").asText());
        assertFalse(json(put).has("stringData"), put.body());
        assertBadRequest(send("POST", SECRETS, "application/json", "{\"metadata\":{\"name\":\"bad\"},"
                + "\"data\":{\"k\":\"not base64\"}}"), "Secret in version \"v1\" cannot be handled as a Secret: "
                + "illegal base64 data at input byte 3");
    }

    private void assertBadRequest(HttpResponse<String> r, String message) throws Exception {
        assertBadRequest(r, message, null);
    }

    private void assertBadRequest(HttpResponse<String> r, String message, String part) throws Exception {
        assertEquals(400, r.statusCode(), r.body());
        JsonNode status = json(r);
        assertEquals("Status", status.path("kind").asText());
        assertEquals("BadRequest", status.path("reason").asText());
        if (message != null) {
            assertEquals(message, status.path("message").asText());
        }
        if (part != null) {
            assertTrue(status.path("message").asText().contains(part), status.path("message").asText());
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Resources.mapper().readTree(r.body());
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
