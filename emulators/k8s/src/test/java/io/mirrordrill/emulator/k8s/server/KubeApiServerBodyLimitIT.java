package io.mirrordrill.emulator.k8s.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.World;
import io.mirrordrill.testkit.http.HeadersFirst;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API server authenticates a request and checks its declared size before reading its body. */
class KubeApiServerBodyLimitIT {
    private static final String TOKEN = "s3cret-token";
    private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";
    private KubeApiServer server;

    @BeforeEach
    void start() {
        World world = new World(11);
        world.network().site("dc");
        server = KubeApiServer.builder(new KubernetesCluster(world, "east", "dc")).token(TOKEN).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_unauthenticated_60_mb_create_is_refused_401_before_its_body_is_sent_and_nothing_is_read()
            throws Exception {
        HeadersFirst.Answer a = HeadersFirst.send(server.endpoint(), "POST", CONFIG_MAPS,
                Map.of("Content-Type", "application/json"), 60_000_000L, 4096);

        assertEquals(401, a.status(), a.body());
        assertEquals("Unauthorized", status(a).path("reason").asText());
        assertEquals(0, server.bodyBytesRead());
    }

    @Test
    void a_declared_body_over_3_mib_is_answered_413_request_entity_too_large_at_once() throws Exception {
        HeadersFirst.Answer a = HeadersFirst.send(server.endpoint(), "POST", CONFIG_MAPS,
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN), 3L * 1024 * 1024 + 1,
                0);

        assertEquals(413, a.status(), a.body());
        JsonNode status = status(a);
        assertEquals("Status", status.path("kind").asText());
        assertEquals("RequestEntityTooLarge", status.path("reason").asText());
        assertEquals("Request entity too large: limit is 3145728", status.path("message").asText());
        assertEquals(413, status.path("code").asInt());
        assertEquals(0, server.bodyBytesRead());
    }

    @Test
    void a_body_of_exactly_3_mib_is_read_whole_and_judged_on_its_content() throws Exception {
        int size = 3 * 1024 * 1024;
        StringBuilder body = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":"
                + "\"big\"},\"data\":{\"k\":\"");
        body.append("x".repeat(size - body.length() - 3)).append("\"}}");
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(server.endpoint().resolve(CONFIG_MAPS))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertEquals(size, body.length());
        // read and judged: a ConfigMap this large may still be invalid (1 MiB of data), but not too large a request
        assertNotEquals(413, r.statusCode(), r.body().substring(0, Math.min(300, r.body().length())));
        assertEquals(size, server.bodyBytesRead());
    }

    private static JsonNode status(HeadersFirst.Answer a) throws Exception {
        return Resources.mapper().readTree(a.body());
    }
}
