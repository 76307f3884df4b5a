package io.mirrordrill.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.port.objectstore.WriteCondition;
import io.mirrordrill.sim.RandomStream;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3StoreTest {

    @Test
    void last_modified_comes_from_the_world_clock_cut_to_seconds() {
        World world = world(1);
        S3StoreHandle port = new S3Store(world, "vault", "dc1").port("dc1");
        port.createBucket("bkt");
        world.advance(Duration.ofMillis(61_500));

        port.put("bkt", "k", new byte[] {1});

        assertEquals(Instant.parse("2026-01-01T00:01:01Z"), port.head("bkt", "k").lastModified());
    }

    @Test
    void keys_list_in_utf8_byte_order_even_where_utf16_order_differs() {
        S3StoreHandle port = new S3Store(world(1), "vault", "dc1").port("dc1");
        port.createBucket("bkt");
        String privateUse = "\uE000";
        String emoji = "\uD83D\uDE00"; // U+1F600: after U+E000 in UTF-8, before it in UTF-16
        port.put("bkt", emoji, new byte[0]);
        port.put("bkt", privateUse, new byte[0]);

        List<String> keys = port.list(ListRequest.of("bkt")).objects().stream().map(ObjectInfo::key).toList();

        assertEquals(List.of(privateUse, emoji), keys);
    }

    @Test
    void bucket_names_follow_s3_rules_and_an_existing_bucket_is_already_owned() {
        S3StoreHandle port = new S3Store(world(1), "vault", "dc1").port("dc1");
        for (String bad : List.of("ab", "Upper", "-dash", "a..b", "192.168.1.1", "under_score")) {
            ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> port.createBucket(bad), bad);
            assertEquals(S3Errors.INVALID_BUCKET_NAME, e.code());
        }
        port.createBucket("my.bucket-1");

        ObjectStoreException again = assertThrows(ObjectStoreException.class, () -> port.createBucket("my.bucket-1"));

        assertEquals(S3Errors.BUCKET_ALREADY_OWNED_BY_YOU, again.code());
        assertEquals(409, again.httpStatus());
    }

    @Test
    void a_key_longer_than_1024_utf8_bytes_is_refused() {
        S3StoreHandle port = new S3Store(world(1), "vault", "dc1").port("dc1");
        port.createBucket("bkt");

        ObjectStoreException e = assertThrows(ObjectStoreException.class,
                () -> port.put("bkt", "é".repeat(513), new byte[0]));

        assertEquals(S3Errors.KEY_TOO_LONG, e.code());
    }

    @Test
    void a_continuation_token_the_store_did_not_hand_out_is_an_invalid_argument() {
        S3StoreHandle port = new S3Store(world(1), "vault", "dc1").port("dc1");
        port.createBucket("bkt");

        ObjectStoreException e = assertThrows(ObjectStoreException.class,
                () -> port.list(ListRequest.of("bkt").withContinuationToken("%%not-a-token")));

        assertEquals(S3Errors.INVALID_ARGUMENT, e.code());
    }

    @Test
    void a_refused_conditional_create_is_recorded_and_changes_nothing() {
        World world = world(1);
        S3StoreHandle port = new S3Store(world, "vault", "dc1").port("dc1");
        port.createBucket("bkt");
        String etag = port.put("bkt", "k", new byte[] {1});

        assertThrows(ObjectStoreException.class, () -> port.put("bkt", "k", new byte[] {2}, WriteCondition.IF_NONE_MATCH));

        assertEquals(etag, port.head("bkt", "k").etag());
    }

    @Test
    void the_same_seed_and_operations_give_the_same_trace_hash_and_another_seed_another() {
        String first = run(42);

        assertEquals(first, run(42));
        assertNotEquals(first, run(43));
    }

    /** A workload whose keys, sizes and fault timing come from the seed; returns the trace hash. */
    private static String run(long seed) {
        World world = world(seed);
        world.network().site("dc2").link("dc1", "dc2", Duration.ofMillis(5), 10_000_000);
        S3Store store = new S3Store(world, "vault", "dc1");
        S3StoreHandle port = store.port("dc2");
        port.createBucket("bkt");
        RandomStream random = world.random("workload");
        world.inject(Duration.ofSeconds(30), new S3Faults.SlowDown(store, 3));
        world.inject(Duration.ofSeconds(45), new S3Faults.LoseResponses(store, 2));
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            world.advance(Duration.ofMillis(random.nextLong(1, 1000)));
            try {
                if (!written.isEmpty() && random.chance(0.2)) {
                    port.delete("bkt", random.pick(written));
                } else {
                    byte[] data = new byte[random.nextInt(64)];
                    for (int j = 0; j < data.length; j++) {
                        data[j] = (byte) random.nextInt(256);
                    }
                    String key = "k/" + random.uuid();
                    port.put("bkt", key, data, random.chance(0.5) ? WriteCondition.IF_NONE_MATCH : WriteCondition.NONE);
                    written.add(key);
                }
            } catch (ObjectStoreException e) {
                world.record("test", "failed " + e.code());
            }
        }
        ListPage page = port.list(ListRequest.of("bkt"));
        world.record("test", "listed " + page.keyCount());
        assertTrue(world.trace().size() > 200);
        return world.trace().hash();
    }

    private static World world(long seed) {
        World world = new World(seed);
        world.network().site("dc1");
        return world;
    }
}
