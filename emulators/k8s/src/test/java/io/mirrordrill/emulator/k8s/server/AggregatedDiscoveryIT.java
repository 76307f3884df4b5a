package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Aggregated discovery ({@code apidiscovery.k8s.io/v2}) as kubectl 1.32 asks for it, on the wire. */
class AggregatedDiscoveryIT {
    private static final String KUBECTL_ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;"
            + "as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
            + "application/json";

    private final HttpClient http = HttpClient.newHttpClient();
    private KubeApiServer server;

    @BeforeEach
    void start() throws Exception {
        World world = new World(5);
        world.network().site("dc");
        server = KubeApiServer.builder(new KubernetesCluster(world, "east", "dc")).start();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(server.endpoint()
                + "/apis/apiextensions.k8s.io/v1/customresourcedefinitions")).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                {"metadata":{"name":"drills.test.mirrordrill.io"},"spec":{"group":"test.mirrordrill.io",
                 "scope":"Namespaced","names":{"kind":"Drill","plural":"drills","shortNames":["dr"],
                 "categories":["mirrordrill"]},"versions":[{"name":"v1","served":true,"storage":true,
                 "subresources":{"status":{}}}]}}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path)).header("Accept", accept)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode resource(JsonNode list, String group, String name) {
        for (JsonNode item : list.path("items")) {
            if (item.path("metadata").path("name").asText("").equals(group)) {
                for (JsonNode r : item.path("versions").get(0).path("resources")) {
                    if (r.path("resource").asText().equals(name)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError(group + " " + name + " not in " + list);
    }

    @Test
    void apisAnswersOneListOfEveryGroupWithItsResourcesShortNamesCategoriesAndSubresources() throws Exception {
        HttpResponse<String> apis = get("/apis", KUBECTL_ACCEPT);

        assertEquals(200, apis.statusCode());
        assertEquals("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList",
                apis.headers().firstValue("Content-Type").orElseThrow(), "what the client checks before reading it");
        JsonNode list = Resources.mapper().readTree(apis.body());
        assertEquals("APIGroupDiscoveryList", list.path("kind").asText());
        JsonNode drills = resource(list, "test.mirrordrill.io", "drills");
        assertEquals("Namespaced", drills.path("scope").asText());
        assertEquals("Drill", drills.path("responseKind").path("kind").asText());
        assertEquals("[\"dr\"]", drills.path("shortNames").toString());
        assertEquals("[\"mirrordrill\"]", drills.path("categories").toString());
        assertEquals("status", drills.path("subresources").get(0).path("subresource").asText());
        JsonNode deployments = resource(list, "apps", "deployments");
        assertEquals("[\"deploy\"]", deployments.path("shortNames").toString());
        assertEquals("[\"all\"]", deployments.path("categories").toString());
    }

    @Test
    void theCoreGroupIsAnsweredAtApiAndPlainJsonStillGetsTheLegacyDocuments() throws Exception {
        JsonNode core = Resources.mapper().readTree(get("/api", KUBECTL_ACCEPT).body());
        List<String> resources = new ArrayList<>();
        core.path("items").get(0).path("versions").get(0).path("resources")
                .forEach(r -> resources.add(r.path("resource").asText()));
        assertTrue(resources.containsAll(List.of("pods", "namespaces", "persistentvolumeclaims")),
                resources.toString());
        assertEquals("Cluster", resource(core, "", "namespaces").path("scope").asText());

        HttpResponse<String> legacy = get("/api", "application/json");
        assertEquals("APIVersions", Resources.mapper().readTree(legacy.body()).path("kind").asText());
        assertTrue(legacy.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    }
}
