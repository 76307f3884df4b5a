package io.mirrordrill.emulator.s3;

import io.mirrordrill.sim.Fault;
import io.mirrordrill.sim.World;

import java.time.Duration;

/**
 * Object-store faults as scriptable {@link Fault}s, for {@code world.inject(delay, fault)}. Each one calls the
 * matching control of {@link S3Store}, which records it in the trace; see there for what each fault does.
 */
public final class S3Faults {
    private S3Faults() {}

    /** The bucket answers 503 ServiceUnavailable until restored. */
    public record BucketOutage(S3Store store, String bucket) implements Fault {
        public String describe() {
            return "s3 " + store.name() + " bucket " + bucket + " outage";
        }

        public void apply(World world) {
            store.bucketOutage(bucket);
        }
    }

    public record BucketRestored(S3Store store, String bucket) implements Fault {
        public String describe() {
            return "s3 " + store.name() + " bucket " + bucket + " restored";
        }

        public void apply(World world) {
            store.restoreBucket(bucket);
        }
    }

    /** The next {@code requests} requests answer 503 SlowDown. */
    public record SlowDown(S3Store store, int requests) implements Fault {
        public String describe() {
            return "s3 " + store.name() + " slowdown next " + requests + " requests";
        }

        public void apply(World world) {
            store.slowDownNext(requests);
        }
    }

    /** Every request takes {@code extra} more simulated time; {@link Duration#ZERO} ends it. */
    public record Slow(S3Store store, Duration extra) implements Fault {
        public String describe() {
            return "s3 " + store.name() + " slow by " + extra;
        }

        public void apply(World world) {
            store.slow(extra);
        }
    }

    /** The next {@code writes} puts or deletes take effect but lose their response. */
    public record LoseResponses(S3Store store, int writes) implements Fault {
        public String describe() {
            return "s3 " + store.name() + " lose responses of next " + writes + " writes";
        }

        public void apply(World world) {
            store.loseResponsesOfNextWrites(writes);
        }
    }
}
