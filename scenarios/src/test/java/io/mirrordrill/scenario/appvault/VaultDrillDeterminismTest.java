package io.mirrordrill.scenario.appvault;

import static io.mirrordrill.scenario.appvault.VaultWorld.BUCKET;
import static io.mirrordrill.scenario.appvault.VaultWorld.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.mirrordrill.emulator.s3.S3Faults;
import io.mirrordrill.engine.archive.ArchiveRetention;
import io.mirrordrill.engine.archive.ArchiveWriter;
import io.mirrordrill.runtime.Backoff;
import io.mirrordrill.runtime.Controller;
import io.mirrordrill.port.objectstore.ObjectStoreException;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Same seed, same drill: the same trace, entry for entry, through faults and retries. */
class VaultDrillDeterminismTest {

    /** AppVault controller, archives written through lost responses and an outage, retention; the trace hash. */
    private static String drill(long seed) {
        VaultWorld w = new VaultWorld(seed, "AKIAVAULT", "vault-secret");
        w.credentials();
        w.apply(VaultWorld.s3Vault("GenericS3", BUCKET, SECRET, "secretAccessKey"));
        Controller controller = new Controller("appvault", w.reconciler, w.world, Backoff.DEFAULT);
        controller.enqueue(VaultWorld.key());
        w.world.inject(Duration.ofMinutes(3), new S3Faults.BucketOutage(w.store, BUCKET));
        w.world.inject(Duration.ofMinutes(7), new S3Faults.BucketRestored(w.store, BUCKET));
        w.world.inject(Duration.ofMinutes(12), new S3Faults.LoseResponses(w.store, 3));
        ArchiveWriter writer = new ArchiveWriter(w.bucket(), BUCKET);
        for (int minute = 0; minute < 30; minute++) {
            w.world.advance(Duration.ofMinutes(1));
            int snapshot = w.world.random("drill").nextInt(4) + minute * 4; // a seeded choice of what to capture
            try {
                writer.write(Captures.path(snapshot), Captures.content(snapshot));
            } catch (ObjectStoreException e) {
                w.world.record("drill", "write failed: " + e.code());
            }
        }
        new ArchiveRetention(w.bucket(), BUCKET).prune(Captures.APP, Captures.APP_UID, 5, Set.of());
        return w.world.trace().hash();
    }

    @Test
    void the_same_seed_gives_the_same_trace_hash_and_another_seed_another() {
        assertEquals(drill(77), drill(77));
        assertNotEquals(drill(77), drill(78));
    }
}
