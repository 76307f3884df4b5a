package io.mirrordrill.emulator.element.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.emulator.element.ElementEmulator;
import io.mirrordrill.sim.World;
import io.mirrordrill.testkit.http.HeadersFirst;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Element JSON-RPC server judges a call by its headers (credentials, version, size) before reading its body. */
class ElementJsonRpcBodyLimitIT {
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
            "admin:secret".getBytes(StandardCharsets.UTF_8));
    private final World world = new World(3);
    private final ElementEmulator element = new ElementEmulator(world);
    private final ElementJsonRpcServer server;

    ElementJsonRpcBodyLimitIT() {
        world.network().site("dc1");
        element.addCluster("sf1", "dc1");
        server = ElementJsonRpcServer.builder(element, "sf1", "admin", "secret").start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anUnauthenticated60MbCallIsRefused401BeforeItsBodyIsSentAndNothingIsRead() throws Exception {
        HeadersFirst.Answer a = HeadersFirst.send(server.endpoint("12.3"), "POST", "/json-rpc/12.3",
                Map.of("Content-Type", "application/json"), 60_000_000L, 4096);

        assertEquals(401, a.status(), a.body());
        assertEquals(0, server.bodyBytesRead());
    }

    @Test
    void aDeclaredBodyOver1MibIsAnswered413AtOnce() throws Exception {
        HeadersFirst.Answer a = HeadersFirst.send(server.endpoint("12.3"), "POST", "/json-rpc/12.3",
                Map.of("Content-Type", "application/json", "Authorization", AUTHORIZATION), 1L << 30, 0);

        assertEquals(413, a.status(), a.body());
        assertTrue(a.body().contains("at most 1048576 bytes"), a.body());
        assertEquals(0, server.bodyBytesRead());
    }

    @Test
    void aBodyWithinTheLimitIsReadInFullAndAnswered() throws Exception {
        // HeadersFirst sends filler ('x' bytes), not a call: read in full, it is answered with Element's error
        HeadersFirst.Answer a = HeadersFirst.send(server.endpoint("12.3"), "POST", "/json-rpc/12.3",
                Map.of("Content-Type", "application/json", "Authorization", AUTHORIZATION), 64, 64);

        assertEquals(200, a.status(), a.body());
        assertTrue(a.body().contains("xInvalidJSONRPCRequest"), a.body());
        assertEquals(64, server.bodyBytesRead());
    }
}
