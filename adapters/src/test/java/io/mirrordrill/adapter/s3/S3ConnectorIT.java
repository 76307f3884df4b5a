package io.mirrordrill.adapter.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.emulator.s3.S3Server;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.port.objectstore.S3Target;
import io.mirrordrill.sim.World;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK connector reaches the bucket an AppVault's provider config names, with the AppVault's credentials. */
class S3ConnectorIT {
    private static final String SECRET = "connector-secret-4f1d";
    private S3Store store;
    private S3Server server;
    private final S3Connector connector = new S3Connector(b -> b.maxAttempts(1));

    @BeforeEach
    void start() {
        World world = new World(3);
        world.network().site("dc1");
        store = new S3Store(world, "vault", "dc1");
        server = S3Server.start(store, List.of(S3Credentials.of("vault-key", SECRET)));
        store.port("dc1").createBucket("bkt");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private S3Target target(String accessKey, String secret) {
        // host:port as an AppVault writes it, plain HTTP as secure: "false" asks
        return new S3Target(server.endpoint().getAuthority(), "bkt", null, false, false, null, null, accessKey,
                secret, null);
    }

    @Test
    void an_appvault_target_with_its_credentials_reads_and_writes_the_bucket() {
        try (S3ObjectStore port = connector.connect(target("vault-key", SECRET))) {
            assertTrue(port.bucketExists("bkt"));
            port.put("bkt", "a/b.json", new byte[] {'{', '}'});
            assertEquals(2, port.head("bkt", "a/b.json").size());
        }
    }

    @Test
    void a_wrong_secret_fails_with_signature_does_not_match_and_an_unknown_key_with_invalid_access_key_id() {
        try (S3ObjectStore wrongSecret = connector.connect(target("vault-key", "not-the-secret"));
             S3ObjectStore unknownKey = connector.connect(target("nobody", SECRET))) {
            ObjectStoreException e = assertThrows(ObjectStoreException.class,
                    () -> wrongSecret.put("bkt", "k", new byte[1]));
            assertEquals(403, e.httpStatus());
            assertEquals(S3Errors.SIGNATURE_DOES_NOT_MATCH, e.code());
            assertFalse(e.toString().contains("not-the-secret"), e.toString());
            ObjectStoreException u = assertThrows(ObjectStoreException.class,
                    () -> unknownKey.put("bkt", "k", new byte[1]));
            assertEquals(S3Errors.INVALID_ACCESS_KEY_ID, u.code());
        }
    }

    @Test
    void the_sdk_configuration_takes_every_target_field_and_its_description_shows_no_secret() {
        S3Target target = new S3Target("minio.example:9000", "bkt", "eu-west-1", true, true, null,
                "http://user:proxy-pass@proxy.example:3128", "vault-key", SECRET, "session-token-9");
        S3Config config = connector.config(target);
        assertEquals("https://minio.example:9000", config.endpointUri().toString());
        assertEquals("eu-west-1", config.region());
        assertTrue(config.pathStyle());
        assertTrue(config.skipCertValidation());
        assertEquals("session-token-9", config.sessionToken());
        assertFalse(connector.config(new S3Target(S3Target.AWS_ENDPOINT, "bkt", null, true, false, null, null,
                "k", "s", null)).pathStyle());
        for (String text : List.of(config.toString(), target.toString())) {
            assertFalse(text.contains(SECRET) || text.contains("session-token-9") || text.contains("proxy-pass"),
                    text);
        }
    }
}
