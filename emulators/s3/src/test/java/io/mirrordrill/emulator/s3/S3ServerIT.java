package io.mirrordrill.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.sim.World;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a client without the AWS SDK sees: unsigned requests are refused with S3's error document. */
class S3ServerIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private S3Server server;

    @BeforeEach
    void start() {
        World world = new World(2);
        world.network().site("dc1");
        S3Store store = new S3Store(world, "vault", "dc1");
        store.port("dc1").createBucket("bkt");
        server = S3Server.start(store, List.of(S3Credentials.of("ak", "sk")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_unsigned_request_is_refused_with_403_access_denied_as_s3_error_xml() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/bkt/k")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(403, response.statusCode());
        assertEquals("application/xml", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("<Error><Code>AccessDenied</Code><Message>Access Denied</Message>"),
                response.body());
        assertTrue(response.body().contains("<Resource>/bkt/k</Resource>"), response.body());
        assertTrue(response.headers().firstValue("x-amz-request-id").isPresent());
    }

    @Test
    void a_signature_v2_header_is_refused_as_malformed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/")).GET()
                .header("Authorization", "AWS ak:c2lnbmF0dXJl").build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<Code>AuthorizationHeaderMalformed</Code>"), response.body());
    }
}
