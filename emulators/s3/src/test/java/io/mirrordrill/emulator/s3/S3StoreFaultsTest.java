package io.mirrordrill.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ResponseLostException;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.port.objectstore.WriteCondition;
import io.mirrordrill.sim.Fault;
import io.mirrordrill.sim.Network;
import io.mirrordrill.sim.World;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class S3StoreFaultsTest {
    private final World world = new World(1);
    private final S3Store store;
    private final S3StoreHandle local;
    private final S3StoreHandle remote;

    S3StoreFaultsTest() {
        world.network().site("vault-dc").site("app-dc")
                .link("vault-dc", "app-dc", Duration.ofMillis(20), 1_000_000);
        store = new S3Store(world, "vault", "vault-dc");
        local = store.port("vault-dc");
        remote = store.port("app-dc");
        local.createBucket("bkt");
        local.createBucket("other");
    }

    @Test
    void a_caller_cut_off_by_a_partition_gets_unreachable_and_changes_nothing_until_the_link_heals() {
        world.inject(Duration.ofSeconds(5), new Fault.Partition("vault-dc", "app-dc"));
        world.inject(Duration.ofSeconds(10), new Fault.Heal("vault-dc", "app-dc"));
        world.advance(Duration.ofSeconds(6));

        UnreachableException e = assertThrows(UnreachableException.class, () -> remote.put("bkt", "k", b("v")));

        assertEquals("s3://vault", e.endpoint());
        assertEquals(0, local.list(ListRequest.of("bkt")).keyCount());
        world.advance(Duration.ofSeconds(5));
        remote.put("bkt", "k", b("v"));
        assertArrayEquals(b("v"), remote.get("bkt", "k").bytes());
    }

    @Test
    void a_store_whose_site_is_down_is_unreachable_even_from_its_own_site() {
        world.network().siteDown("vault-dc");

        assertThrows(UnreachableException.class, () -> remote.head("bkt", "k"));
        assertThrows(UnreachableException.class, () -> local.listBuckets());
    }

    @Test
    void a_bucket_outage_answers_503_service_unavailable_for_that_bucket_only_until_restored() {
        local.put("bkt", "k", b("v"));
        world.inject(Duration.ofMinutes(1), new S3Faults.BucketOutage(store, "bkt"));
        world.inject(Duration.ofMinutes(2), new S3Faults.BucketRestored(store, "bkt"));
        world.advance(Duration.ofSeconds(90));

        ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> remote.get("bkt", "k"));
        assertEquals(503, e.httpStatus());
        assertEquals(S3Errors.SERVICE_UNAVAILABLE, e.code());
        assertThrows(ObjectStoreException.class, () -> remote.put("bkt", "k", b("new")));
        remote.put("other", "k", b("fine"));

        world.advance(Duration.ofMinutes(1));
        assertArrayEquals(b("v"), remote.get("bkt", "k").bytes());
    }

    @Test
    void slow_down_refuses_exactly_the_next_n_requests_with_503_and_applies_none_of_them() {
        store.slowDownNext(2);

        for (int i = 0; i < 2; i++) {
            int n = i;
            ObjectStoreException e = assertThrows(ObjectStoreException.class,
                    () -> remote.put("bkt", "k" + n, b("v")));
            assertEquals(S3Errors.SLOW_DOWN, e.code());
            assertEquals(503, e.httpStatus());
            assertTrue(e.isRetryable());
        }

        assertEquals(0, remote.list(ListRequest.of("bkt")).keyCount());
        remote.put("bkt", "k", b("v"));
        assertEquals(1, remote.list(ListRequest.of("bkt")).keyCount());
    }

    @Test
    void a_lost_response_hides_the_outcome_of_a_write_that_took_effect() {
        world.inject(Duration.ZERO, new S3Faults.LoseResponses(store, 2));
        world.advance(Duration.ZERO);

        assertThrows(ResponseLostException.class, () -> remote.put("bkt", "manifest", b("v1")));
        assertArrayEquals(b("v1"), remote.get("bkt", "manifest").bytes()); // reads are not counted
        assertThrows(ResponseLostException.class, () -> remote.delete("bkt", "manifest"));

        assertThrows(ObjectStoreException.class, () -> remote.head("bkt", "manifest"));
        remote.put("bkt", "manifest", b("v2"));
        assertArrayEquals(b("v2"), remote.get("bkt", "manifest").bytes());
    }

    @Test
    void a_conditional_create_retried_after_a_lost_response_meets_its_own_first_write() {
        store.loseResponsesOfNextWrites(1);
        assertThrows(ResponseLostException.class,
                () -> remote.put("bkt", "lock", b("me"), WriteCondition.IF_NONE_MATCH));

        ObjectStoreException retry = assertThrows(ObjectStoreException.class,
                () -> remote.put("bkt", "lock", b("me"), WriteCondition.IF_NONE_MATCH));

        assertEquals(S3Errors.PRECONDITION_FAILED, retry.code());
        assertArrayEquals(b("me"), remote.get("bkt", "lock").bytes());
    }

    @Test
    void each_call_reports_its_simulated_duration_from_link_latency_size_and_extra_latency() {
        remote.put("bkt", "k", new byte[500_000]);
        // request: 20 ms + 500 kB at 1 MB/s; response: 20 ms
        assertEquals(Duration.ofMillis(540), remote.lastLatency());

        world.inject(Duration.ZERO, new S3Faults.Slow(store, Duration.ofSeconds(3)));
        world.advance(Duration.ZERO);
        remote.head("bkt", "k");

        assertEquals(Duration.ofMillis(3040), remote.lastLatency());
        assertEquals(Duration.ofMillis(3580), remote.totalLatency());
        local.head("bkt", "k");
        assertEquals(Duration.ofSeconds(3).plus(Network.LOCAL_LATENCY.multipliedBy(2)), local.lastLatency());
    }

    @Test
    void past_its_deadline_a_slow_write_still_takes_effect_but_the_caller_gets_response_lost() {
        store.slow(Duration.ofSeconds(5));
        remote.deadline(Duration.ofSeconds(2));

        ResponseLostException e = assertThrows(ResponseLostException.class, () -> remote.put("bkt", "k", b("v")));

        assertTrue(e.getMessage().contains("PT2S"), e.getMessage());
        store.slow(Duration.ZERO);
        assertArrayEquals(b("v"), remote.get("bkt", "k").bytes());
        assertFalse(remote.lastLatency().compareTo(Duration.ofSeconds(2)) > 0);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
