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
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server with a bearer token answers only requests that carry it, as an API server with anonymous auth off. */
class KubeApiServerAuthIT {
    private static final String TOKEN = "s3cret-token";
    private static final String SECRETS = "/api/v1/namespaces/default/secrets";

    private final HttpClient http = HttpClient.newHttpClient();
    private KubeApiServer server;

    @BeforeEach
    void start() {
        World world = new World(11);
        world.network().site("dc");
        KubernetesCluster cluster = new KubernetesCluster(world, "east", "dc");
        server = KubeApiServer.builder(cluster).token(TOKEN).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void requestsWithoutTheTokenGet401UnauthorizedEverywhere() throws Exception {
        for (String path : new String[] {"/version", "/api", "/apis", "/api/v1", SECRETS, "/openapi/v3",
                "/api/v1/nowhere/x", "/not-an-api-path"}) {
            for (String authorization : new String[] {null, "Bearer wrong", "Bearer " + TOKEN + "x",
                    "Basic YWRtaW46YWRtaW4=", TOKEN}) {
                HttpResponse<String> r = get(path, authorization);
                assertEquals(401, r.statusCode(), path + " with " + authorization);
                JsonNode status = Resources.mapper().readTree(r.body());
                assertEquals("Status", status.path("kind").asText());
                assertEquals("Failure", status.path("status").asText());
                assertEquals("Unauthorized", status.path("reason").asText());
                assertEquals("Unauthorized", status.path("message").asText());
                assertEquals(401, status.path("code").asInt());
            }
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + SECRETS))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"metadata\":{\"name\":\"s\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, post.statusCode());
        assertEquals(404, get(SECRETS + "/s", "Bearer " + TOKEN).statusCode(), "nothing was written");
    }

    @Test
    void requestsWithTheTokenAreServed() throws Exception {
        assertEquals(200, get("/version", "Bearer " + TOKEN).statusCode());
        assertEquals(200, get(SECRETS, "Bearer " + TOKEN).statusCode());
        assertEquals(200, get("/openapi/v3", "Bearer " + TOKEN).statusCode());
        assertEquals(404, get("/api/v1/nowhere", "Bearer " + TOKEN).statusCode());
    }

    @Test
    void aWatchUpgradeWithoutTheTokenIsRefusedBeforeTheSwitch() {
        URI watch = URI.create(server.endpoint().toString().replace("http", "ws") + SECRETS + "?watch=true");
        CompletionException e = assertThrows(CompletionException.class, () -> http.newWebSocketBuilder()
                .header("Authorization", "Bearer wrong").buildAsync(watch, new WebSocket.Listener() { }).join());
        assertEquals(401, assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse()
                .statusCode());
        WebSocket ok = http.newWebSocketBuilder().header("Authorization", "Bearer " + TOKEN)
                .buildAsync(watch, new WebSocket.Listener() { }).join();
        ok.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
