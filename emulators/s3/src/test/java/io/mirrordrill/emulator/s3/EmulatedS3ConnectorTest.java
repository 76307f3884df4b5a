package io.mirrordrill.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.port.objectstore.S3Target;
import io.mirrordrill.sim.SimulationException;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatedS3ConnectorTest {
    private final World world = new World(7);
    private final S3Store store;
    private final S3Endpoints endpoints = new S3Endpoints();

    EmulatedS3ConnectorTest() {
        world.network().site("dc1").site("dc2").link("dc1", "dc2", Duration.ofMillis(5), 100_000_000);
        store = new S3Store(world, "vault", "dc1");
        store.port("dc1").createBucket("bkt");
        endpoints.add("s3.dc1.example", store, List.of(S3Credentials.of("AKID", "right-secret"),
                new S3Credentials("TEMP", "temp-secret", "the-token")));
    }

    private static S3Target target(String endpoint, String id, String secret, String token) {
        return new S3Target(endpoint, "bkt", null, true, false, null, null, id, secret, token);
    }

    @Test
    void the_endpoint_host_names_the_store_whatever_the_scheme_port_or_case() {
        ObjectStoreConnector connector = endpoints.connector("dc2");
        for (String endpoint : List.of("s3.dc1.example", "S3.DC1.example:9000", "https://s3.dc1.example/")) {
            ObjectStorePort port = connector.connect(target(endpoint, "AKID", "right-secret", null));
            assertTrue(port.bucketExists("bkt"), endpoint);
        }
    }

    @Test
    void right_credentials_read_and_write_the_named_store() {
        ObjectStorePort port = endpoints.connector("dc2").connect(target("s3.dc1.example", "AKID", "right-secret",
                null));
        port.put("bkt", "k", new byte[] {1, 2});
        assertEquals(2, store.port("dc1").head("bkt", "k").size());
        assertFalse(port.bucketExists("other"));
    }

    @Test
    void an_unknown_access_key_is_refused_with_403_invalid_access_key_id_and_changes_nothing() {
        ObjectStorePort port = endpoints.connector("dc2").connect(target("s3.dc1.example", "NOPE", "right-secret",
                null));
        ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> port.put("bkt", "k", new byte[1]));
        assertEquals(403, e.httpStatus());
        assertEquals(S3Errors.INVALID_ACCESS_KEY_ID, e.code());
        assertEquals(0, store.port("dc1").list(ListRequest.of("bkt")).keyCount());
    }

    @Test
    void a_wrong_secret_is_refused_with_403_signature_does_not_match_without_the_secret_in_the_message() {
        ObjectStorePort port = endpoints.connector("dc2").connect(target("s3.dc1.example", "AKID",
                "wrong-secret-value", null));
        ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> port.bucketExists("bkt"));
        assertEquals(403, e.httpStatus());
        assertEquals(S3Errors.SIGNATURE_DOES_NOT_MATCH, e.code());
        assertFalse(e.toString().contains("wrong-secret-value") || e.toString().contains("right-secret"));
    }

    @Test
    void temporary_credentials_need_their_session_token() {
        ObjectStoreConnector connector = endpoints.connector("dc2");
        ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> connector
                .connect(target("s3.dc1.example", "TEMP", "temp-secret", null)).bucketExists("bkt"));
        assertEquals(S3Errors.INVALID_TOKEN, e.code());
        assertTrue(connector.connect(target("s3.dc1.example", "TEMP", "temp-secret", "the-token"))
                .bucketExists("bkt"));
    }

    @Test
    void an_endpoint_naming_no_store_is_unreachable_like_an_unknown_host() {
        UnreachableException e = assertThrows(UnreachableException.class, () -> endpoints.connector("dc2")
                .connect(target("s3.nowhere.example", "AKID", "right-secret", null)));
        assertTrue(e.getMessage().contains("s3.nowhere.example"), e.getMessage());
    }

    @Test
    void a_partitioned_caller_site_is_unreachable_before_its_credentials_are_looked_at() {
        ObjectStorePort port = endpoints.connector("dc2").connect(target("s3.dc1.example", "NOPE", "x", null));
        world.network().partition("dc1", "dc2");
        assertThrows(UnreachableException.class, () -> port.bucketExists("bkt"));
    }

    @Test
    void a_host_can_name_only_one_store_and_a_connector_needs_a_known_site() {
        assertThrows(SimulationException.class, () -> endpoints.add("S3.dc1.example:443", store,
                List.of(S3Credentials.of("A", "B"))));
        assertThrows(SimulationException.class, () -> endpoints.connector("dc9")
                .connect(target("s3.dc1.example", "AKID", "right-secret", null)));
    }
}
