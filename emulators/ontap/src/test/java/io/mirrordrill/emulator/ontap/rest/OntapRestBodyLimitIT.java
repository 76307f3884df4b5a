package io.mirrordrill.emulator.ontap.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.sim.World;
import io.mirrordrill.testkit.http.HeadersFirst;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ONTAP REST server judges a request by its headers (credentials, then size) before reading its body. */
class OntapRestBodyLimitIT {
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
            "admin:s3cret-Passw0rd".getBytes(StandardCharsets.UTF_8));
    private OntapRestServer server;

    @BeforeEach
    void start() {
        World world = new World(5);
        world.network().site("east");
        OntapEmulator ontap = new OntapEmulator(world);
        ontap.addCluster("c1", "east");
        ontap.addSvm("c1", "svm1", SvmSubtype.DEFAULT);
        server = OntapRestServer.builder(ontap, "c1", "admin", "s3cret-Passw0rd").start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_unauthenticated_60_mb_post_is_refused_401_before_its_body_is_sent_and_nothing_is_read() throws Exception {
        HeadersFirst.Answer a = HeadersFirst.send(server.endpoint(), "POST", "/api/storage/volumes",
                Map.of("Content-Type", "application/json"), 60_000_000L, 4096);

        assertEquals(401, a.status(), a.body());
        assertEquals("6", json(a).path("error").path("code").asText());
        assertEquals(0, server.bodyBytesRead());
    }

    @Test
    void a_declared_body_over_1_mib_is_answered_413_at_once_with_an_ontap_error_body() throws Exception {
        HeadersFirst.Answer a = HeadersFirst.send(server.endpoint(), "POST", "/api/storage/volumes",
                Map.of("Content-Type", "application/json", "Authorization", AUTHORIZATION), 1L << 30, 0);

        assertEquals(413, a.status(), a.body());
        assertEquals("2", json(a).path("error").path("code").asText());
        assertTrue(json(a).path("error").path("message").asText().contains("at most 1048576 bytes"), a.body());
        assertEquals(0, server.bodyBytesRead());
    }

    @Test
    void an_authenticated_body_within_the_limit_is_still_read_and_served() {
        RawClient.Answer a = new RawClient(server.endpoint(), "admin", "s3cret-Passw0rd").post("/api/storage/volumes",
                "{\"name\":\"v1\",\"svm\":{\"name\":\"svm1\"},\"size\":1048576}");

        assertEquals(202, a.status(), a.text());
        assertTrue(server.bodyBytesRead() > 0);
    }

    private static JsonNode json(HeadersFirst.Answer a) throws Exception {
        return RawClient.JSON.readTree(a.body());
    }
}
