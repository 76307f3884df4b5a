package io.mirrordrill.scenario.source;

import static io.mirrordrill.scenario.source.SourceWorld.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.port.kubernetes.LabelSelector;

import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The engine dies right after each single port call of one snapshot in turn (call 1, then in a fresh world call 2,
 * ... up to the last call the uninterrupted run made), and is restarted: every run must end with the archive the
 * uninterrupted run wrote, byte for byte, one VolumeSnapshot and one ONTAP snapshot per claim, and nothing left
 * frozen.
 */
class CrashTest {
    private static final long SEED = 41;
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final String SHUTDOWN = """
            apiVersion: protect.trident.netapp.io/v1
            kind: ShutdownSnapshot
            metadata: {name: snap, namespace: my-app-namespace}
            spec: {appVaultRef: src-vault, applicationRef: my-app-name}
            """;

    /** One run: the source site with freeze hooks and records written, the engine on counted ports. */
    private record Run(SourceWorld world, CrashingPorts ports, String kind) {
        static Run start(String kind, int crashAt) {
            SourceWorld w = new SourceWorld(SEED);
            w.freezeHooks();
            w.write(3);
            CrashingPorts ports = new CrashingPorts(w.cluster::crashEngine);
            w.cluster.restartEngine(ports::wrap); // from now on through counted ports
            w.world.advance(Duration.ofSeconds(1));
            ports.arm(crashAt);
            if (kind.equals("Snapshot")) {
                w.snapshot("snap", "Retain");
            } else {
                w.cluster.apply("shutdown.yaml", SHUTDOWN, null);
            }
            return new Run(w, ports, kind);
        }

        boolean completed() {
            return world.state(kind, "snap").equals("Completed");
        }
    }

    /** Runs the kind's snapshot once per port call with a crash after that call; {@code check} looks at each end. */
    private static void crashAfterEveryCall(String kind, Consumer<SourceWorld> check) {
        Run reference = Run.start(kind, 0);
        assertTrue(reference.world().world.world().runUntil(reference::completed, LIMIT));
        int calls = reference.ports().calls.size();
        Archive expected = reference.world().archive(kind, "snap");
        assertTrue(calls > 20, "a snapshot makes many port calls: " + reference.ports().calls);

        for (int n = 1; n <= calls; n++) {
            Run run = Run.start(kind, n);
            SourceWorld w = run.world();
            w.world.world().runUntil(() -> run.ports().crashedAfter != null || run.completed(), LIMIT);
            assertTrue(run.ports().crashedAfter != null, "run " + n + " should crash before completing");
            String where = run.ports().crashedAfter;
            w.cluster.restartEngine(run.ports()::wrap);
            assertTrue(w.world.world().runUntil(run::completed, LIMIT), "after a crash " + where + ": "
                    + w.get(kind, "snap").map(s -> s.path("status").toString()).orElse("gone"));

            Archive archive = w.archive(kind, "snap");
            assertEquals(expected.manifest(), archive.manifest(), "after a crash " + where);
            assertEquals(expected.content(), archive.content(), "after a crash " + where);
            assertEquals(2, w.cluster.api().list("snapshot.storage.k8s.io/v1", "VolumeSnapshot", NS,
                    LabelSelector.everything()).size(), "after a crash " + where);
            assertEquals(1, w.ontapSnapshots("data").size(), "after a crash " + where);
            assertEquals(1, w.ontapSnapshots("logs").size(), "after a crash " + where);
            check.accept(w);
        }
    }

    @Test
    void aCrashAfterAnyPortCallOfASnapshotEndsWithTheSameArchiveAsTheUninterruptedRun() {
        crashAfterEveryCall("Snapshot", w -> w.write()); // unfrozen: the Post hook ran
    }

    @Test
    void aCrashAfterAnyPortCallOfAShutdownSnapshotEndsWithTheSameArchiveAndTheAppStopped() {
        crashAfterEveryCall("ShutdownSnapshot", w -> {
            assertEquals(0, w.pods().size());
            assertEquals(2, w.cluster.api().list("v1", "PersistentVolumeClaim", NS, LabelSelector.everything())
                    .size());
        });
    }
}
