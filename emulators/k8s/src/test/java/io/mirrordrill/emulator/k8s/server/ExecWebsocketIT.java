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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pods/exec} over a websocket as kubectl speaks it (v5 offered first), with the JDK's websocket client. */
class ExecWebsocketIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private World world;
    private KubeApiServer server;

    @BeforeEach
    void start() throws IOException {
        world = new World(3);
        world.network().site("dc");
        KubernetesCluster cluster = new KubernetesCluster(world, "k1", "dc");
        ClusterSimulator sim = new ClusterSimulator(world, cluster.port(), "k1", "dc", new OntapEmulator(world));
        sim.start();
        cluster.port().create(Resources.fromTree((com.fasterxml.jackson.databind.node.ObjectNode)
                Resources.mapper().readTree("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\","
                        + "\"namespace\":\"default\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}")));
        world.advance(Duration.ofSeconds(10));
        server = KubeApiServer.builder(cluster).exec(sim.exec()).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theServerPrefersV5AndSendsStdoutStderrThenTheExitStatus() {
        Session s = open("command=sh&command=-c&command=echo%20hi%3Bnope%3Bexit%204&stdout=true&stderr=true");
        assertEquals("v5.channel.k8s.io", s.socket.getSubprotocol());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(s.closed::isDone);
        assertEquals(List.of("1:hi\n", "2:sh: nope: not found\n"), s.frames.subList(0, 2));
        JsonNode status = json(s.frames.get(2).substring(2));
        assertEquals("NonZeroExitCode", status.path("reason").asText());
        assertEquals("4", status.path("details").path("causes").get(0).path("message").asText());
    }

    @Test
    void aCommandThatSleepsReportsOnceItsSimulatedTimeHasPassed() {
        long before = server.withLock(world::pendingEvents);
        Session s = open("command=sh&command=-c&command=sleep%205%3Becho%20woke&stdout=true");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.withLock(world::pendingEvents) > before);
        server.advance(Duration.ofSeconds(4));
        assertTrue(s.frames.isEmpty());
        server.advance(Duration.ofSeconds(1));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(s.closed::isDone);
        assertEquals("1:woke\n", s.frames.get(0));
        assertEquals("Success", json(s.frames.get(1).substring(2)).path("status").asText());
    }

    @Test
    void anExecIntoAMissingPodIsRefusedBeforeTheUpgrade() {
        CompletionException e = assertThrows(CompletionException.class, () -> http.newWebSocketBuilder()
                .subprotocols("v4.channel.k8s.io").buildAsync(uri("nope", "command=true"), new Session()).join());
        WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        assertEquals(404, refused.getResponse().statusCode());
    }

    private Session open(String query) {
        Session s = new Session();
        s.socket = http.newWebSocketBuilder().subprotocols("v5.channel.k8s.io", "v4.channel.k8s.io")
                .buildAsync(uri("p", query), s).join();
        return s;
    }

    private URI uri(String pod, String query) {
        return URI.create(server.endpoint().toString().replace("http", "ws") + "/api/v1/namespaces/default/pods/"
                + pod + "/exec?container=c&" + query);
    }

    private static JsonNode json(String text) {
        try {
            return Resources.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    /** Collects binary frames as {@code channel:text}. */
    private static final class Session implements WebSocket.Listener {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket;

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte channel = data.get();
            frames.add(channel + ":" + StandardCharsets.UTF_8.decode(data));
            return WebSocket.Listener.super.onBinary(ws, data, last);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            closed.complete(code);
            return null;
        }
    }
}
