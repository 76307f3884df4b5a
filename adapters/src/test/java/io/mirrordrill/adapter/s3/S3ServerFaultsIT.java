package io.mirrordrill.adapter.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.emulator.s3.S3Server;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ResponseLostException;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.sim.World;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's faults seen through HTTP and the SDK adapter: the failures a real endpoint gives, mapped to the port. */
class S3ServerFaultsIT {
    private S3Store store;
    private S3Server server;

    @BeforeEach
    void start() {
        World world = new World(9);
        world.network().site("dc1");
        store = new S3Store(world, "vault", "dc1");
        store.port("dc1").createBucket("bkt");
        server = S3Server.start(store, List.of(S3Credentials.of("ak", "sk")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_lost_response_reaches_the_adapter_as_response_lost_while_the_write_took_effect() {
        store.loseResponsesOfNextWrites(1);
        try (S3ObjectStore s3 = adapter(1)) {
            assertThrows(ResponseLostException.class, () -> s3.put("bkt", "k", new byte[] {7}));

            assertArrayEquals(new byte[] {7}, s3.get("bkt", "k").bytes());
        }
    }

    @Test
    void a_bucket_outage_reaches_the_adapter_as_503_service_unavailable() {
        store.bucketOutage("bkt");
        try (S3ObjectStore s3 = adapter(1)) {
            ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> s3.get("bkt", "k"));

            assertEquals(503, e.httpStatus());
            assertEquals(S3Errors.SERVICE_UNAVAILABLE, e.code());
        }
    }

    @Test
    void slow_down_reaches_the_adapter_as_503_slow_down_and_the_sdk_retries_through_it() {
        store.slowDownNext(1);
        try (S3ObjectStore once = adapter(1)) {
            ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> once.put("bkt", "k", new byte[1]));
            assertEquals(S3Errors.SLOW_DOWN, e.code());
        }
        store.slowDownNext(2);
        try (S3ObjectStore retrying = adapter(3)) {
            retrying.put("bkt", "k", new byte[] {1});
            assertArrayEquals(new byte[] {1}, retrying.get("bkt", "k").bytes());
        }
    }

    @Test
    void a_stopped_server_is_unreachable() {
        String endpoint = server.endpoint().toString();
        try (S3ObjectStore s3 = adapter(1)) {
            server.close();

            UnreachableException e = assertThrows(UnreachableException.class, () -> s3.head("bkt", "k"));

            assertEquals(endpoint, e.endpoint());
        }
    }

    private S3ObjectStore adapter(int attempts) {
        return new S3ObjectStore(S3Config.builder().endpoint(server.endpoint().toString()).secure(false)
                .credentials("ak", "sk", null).maxAttempts(attempts).build());
    }
}
