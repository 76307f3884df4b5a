package io.mirrordrill.emulator.k8s;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The API server's {@code --event-ttl} (default one hour): an Event disappears an hour after its last write (each
 * create or update renews the lease, as the event registry's TTL function does), with a DELETED watch event, so a
 * long drill does not accumulate them. Expired Events are removed when events are next touched (written, read,
 * listed or watched) rather than by a timer of the world: nobody can see an Event between its expiry and the next
 * touch, and the world's queue stays free of a task per Event.
 */
final class EventTtl {
    static final Duration TTL = Duration.ofHours(1);

    private record Lease(ObjectKey key, Instant expires) {
    }

    private final Deque<Lease> leases = new ArrayDeque<>();
    /** Each Event's latest lease (lookups only: nothing iterates it). */
    private final Map<ObjectKey, Instant> latest = new HashMap<>();

    /** An Event was written at {@code now}: its lease starts again. */
    void written(ObjectKey key, Instant now) {
        Instant expires = now.plus(TTL);
        leases.addLast(new Lease(key, expires));
        latest.put(key, expires);
    }

    /** Removes the Events whose lease ended at or before {@code now}, in the order they were written. */
    void expire(Instant now, ApiStore store) {
        while (!leases.isEmpty() && !leases.peekFirst().expires().isAfter(now)) {
            Lease lease = leases.removeFirst();
            if (lease.expires().equals(latest.get(lease.key()))) {
                latest.remove(lease.key());
                store.expire(lease.key());
            }
        }
    }
}
