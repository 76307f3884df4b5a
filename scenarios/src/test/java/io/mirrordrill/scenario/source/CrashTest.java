package io.mirrordrill.scenario.source;

import static io.mirrordrill.scenario.source.SourceWorld.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.port.kubernetes.LabelSelector;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The engine dies right after each single port call of one snapshot in turn (call 1, then in a fresh world call 2,
 * ... until the snapshot completes before the chosen call), and is restarted: every run must end with the archive
 * the uninterrupted run wrote, byte for byte, one VolumeSnapshot and one ONTAP snapshot per claim, and the
 * application's filesystems unfrozen.
 */
class CrashTest {
    private static final long SEED = 41;
    private static final Duration LIMIT = Duration.ofMinutes(10);

    /** One run: the source site with freeze hooks and records written, the engine on counted ports. */
    private record Run(SourceWorld world, CrashingPorts ports) {
        static Run start(int crashAt) {
            SourceWorld w = new SourceWorld(SEED);
            w.freezeHooks();
            w.write(3);
            CrashingPorts ports = new CrashingPorts(w.cluster::crashEngine);
            var wrapped = ports.wrap(w.cluster.enginePorts());
            w.cluster.restartEngine(wrapped); // the engine from now on talks through counted ports
            w.world.advance(Duration.ofSeconds(1));
            ports.arm(crashAt);
            w.snapshot("snap", "Retain");
            return new Run(w, ports);
        }

        boolean completed() {
            return world.state("Snapshot", "snap").equals("Completed");
        }
    }

    @Test
    void aCrashAfterAnyPortCallOfASnapshotEndsWithTheSameArchiveAsTheUninterruptedRun() {
        Run reference = Run.start(0);
        assertTrue(reference.world().world.world().runUntil(reference::completed, LIMIT));
        int calls = reference.ports().calls.size();
        Archive expected = reference.world().archive("Snapshot", "snap");
        assertTrue(calls > 20, "a snapshot makes many port calls: " + reference.ports().calls);

        for (int n = 1; n <= calls; n++) {
            Run run = Run.start(n);
            SourceWorld w = run.world();
            boolean crashed = w.world.world().runUntil(() -> run.ports().crashedAfter != null || run.completed(), LIMIT);
            assertTrue(crashed && run.ports().crashedAfter != null, "run " + n + " should crash before completing");
            String where = run.ports().crashedAfter;
            w.cluster.restartEngine(run.ports().wrap(w.cluster.enginePorts()));
            assertTrue(w.world.world().runUntil(run::completed, LIMIT), "after a crash " + where + ": "
                    + w.get("Snapshot", "snap").map(s -> s.path("status").toString()).orElse("gone"));

            Archive archive = w.archive("Snapshot", "snap");
            assertEquals(expected.manifest(), archive.manifest(), "after a crash " + where);
            assertEquals(expected.content(), archive.content(), "after a crash " + where);
            assertEquals(2, w.cluster.api().list("snapshot.storage.k8s.io/v1", "VolumeSnapshot", NS,
                    LabelSelector.everything()).size(), "after a crash " + where);
            assertEquals(1, w.ontapSnapshots("data").size(), "after a crash " + where);
            assertEquals(1, w.ontapSnapshots("logs").size(), "after a crash " + where);
            assertNotNull(w.write(), "writes go on after a crash " + where);
        }
    }
}
