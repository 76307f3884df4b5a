package io.mirrordrill.emulator.ontap;

import io.mirrordrill.emulator.ontap.blocks.DataPathException;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.sim.RandomStream;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Same seed, same operations, same trace: the emulator has no hidden source of nondeterminism. */
class DeterminismTest {

    /** Runs 300 operations drawn from the world's seed; refusals are part of the behaviour being hashed. */
    private static String run(long seed) {
        TwoSites w = new TwoSites(seed);
        w.volume(w.c1, "svm1", "a", VolumeType.RW);
        w.volume(w.c2, "svm2", "a_dst", VolumeType.DP);
        String rel = w.relationship("svm1:a", "svm2:a_dst", "MirrorAllSnapshots", "5min");
        String vol = w.c1.volume("svm1", "a").orElseThrow().uuid();
        VolumeFiles files = w.files("c1", "svm1", "a");
        RandomStream ops = w.world.random("test/ops");
        int refused = 0;
        for (int i = 0; i < 300; i++) {
            try {
                switch (ops.nextInt(9)) {
                    case 0, 1 -> files.write("f" + ops.nextInt(4), ops.nextLong(0, 64) * 4096,
                            new byte[1 + ops.nextInt(3 * 4096)]);
                    case 2 -> w.c1.createSnapshot(vol, "s" + i, null, ops.chance(0.5) ? "daily" : null);
                    case 3 -> w.c2.startTransfer(rel, null);
                    case 4 -> w.c2.patchRelationship(rel, RelationshipPatch.state(
                            ops.pick(java.util.List.of(RelationshipState.values()))));
                    case 5 -> w.world.network().partition("east", "west");
                    case 6 -> w.world.network().heal("east", "west");
                    default -> w.world.advance(Duration.ofSeconds(ops.nextLong(1, 900)));
                }
            } catch (OntapException | DataPathException e) {
                refused++;
                w.world.record("test", "refused " + e.getMessage());
            }
        }
        assertTrue(refused > 0 && refused < 300, "the sequence should mix accepted and refused operations: " + refused);
        assertTrue(w.world.trace().size() > 300);
        return w.world.trace().hash();
    }

    @Test
    void theSameSeedGivesTheSameTraceHash() {
        assertEquals(run(1234), run(1234));
    }

    @Test
    void anotherSeedGivesAnotherTraceHash() {
        assertNotEquals(run(1234), run(4321));
    }
}
