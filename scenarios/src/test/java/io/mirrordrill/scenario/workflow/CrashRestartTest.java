package io.mirrordrill.scenario.workflow;

import io.mirrordrill.scenario.crash.CrashingPorts;
import io.mirrordrill.scenario.world.SimCluster;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For each seed workflow, the engine doing the work is killed right after every single port call it makes (one run
 * per call, restarted a second later) and every run must end exactly as the uninterrupted one.
 */
class CrashRestartTest {

    /** One workflow: bring the estate to its start, the action, when it is finished, and what its outcome is. */
    record Workflow(String name, Consumer<SeedEstate> prepare, Function<SeedEstate, SimCluster> engine,
                    Consumer<SeedEstate> action, Function<SeedEstate, BooleanSupplier> done,
                    Function<SeedEstate, String> outcome) {}

    private static void failover(SeedEstate e) {
        e.desire("Promoted", null);
    }

    static List<Workflow> workflows() {
        List<Workflow> all = new ArrayList<>();
        all.add(new Workflow("set up", e -> {
            e.write(e.source);
            e.write(e.source);
            e.snapshot();
        }, e -> e.destination, e -> e.destination.apply("amr.yaml", e.amrYaml("Established", null), SeedEstate.NS),
                e -> () -> e.amrState().equals("Established"),
                e -> e.amrState() + " " + e.destinationVolumeRecords()));
        all.add(new Workflow("failover", e -> {
            e.establish(3);
            e.write(e.source);
        }, e -> e.destination, CrashRestartTest::failover,
                e -> () -> e.amrState().equals("Promoted") && e.running(e.destination),
                e -> e.amrState() + " dst=" + e.records(e.destination) + " src=" + e.records(e.source)));
        all.add(new Workflow("resync", e -> {
            e.establish(3);
            failover(e);
            e.awaitState("Promoted");
            e.runUntil(() -> e.running(e.destination), Duration.ofMinutes(5), "the app");
            e.write(e.destination);
            e.write(e.source);
        }, e -> e.destination, e -> e.desire("Established", null),
                e -> () -> e.amrState().equals("Established"),
                e -> e.amrState() + " pods=" + e.pods(e.destination).size() + " " + e.destinationVolumeRecords()));
        all.add(new Workflow("reverse direction", e -> {
            e.establish(3);
            e.write(e.source);
        }, e -> e.destination, e -> {
            var shutdown = e.snapshot(e.source, "s3.east.example", "trident-protect-src-bucket", true);
            e.desire("Promoted", shutdown.basename());
        }, e -> () -> e.amrState().equals("Promoted") && e.running(e.destination),
                e -> e.amrState() + " dst=" + e.records(e.destination)));
        all.add(new Workflow("reverse resync", e -> {
            e.establish(3);
            failover(e);
            e.awaitState("Promoted");
            e.runUntil(() -> e.running(e.destination), Duration.ofMinutes(5), "the app");
            e.write(e.destination);
            e.destination.api().delete("protect.trident.netapp.io/v1", "AppMirrorRelationship", SeedEstate.NS,
                    SeedEstate.AMR);
            e.runUntil(() -> e.amrState().equals("(none)"), Duration.ofMinutes(10), "the AMR to go");
            e.snapshot(e.destination, "s3.west.example", "trident-protect-dst-bucket");
        }, e -> e.source, e -> e.source.apply("r.yaml", e.reverseAmrYaml("Established", null), SeedEstate.NS),
                e -> () -> e.reverseState().equals("Established"),
                e -> e.reverseState() + " src=" + e.sourceVolumeRecords()));
        all.add(new Workflow("delete", e -> {
            e.establish(3);
            failover(e);
            e.awaitState("Promoted");
        }, e -> e.destination, e -> e.destination.api().delete("protect.trident.netapp.io/v1",
                "AppMirrorRelationship", SeedEstate.NS, SeedEstate.AMR),
                e -> () -> e.amrState().equals("(none)"),
                e -> e.amrState() + " relationships=" + e.w.ontap().port("ontap-west", "west").relationships(false)
                        .size()));
        return all;
    }

    /** Runs a workflow with the engine killed after port call {@code crashAt} (0: never); returns outcome + calls. */
    static String[] run(Workflow wf, long crashAt) {
        SeedEstate e = new SeedEstate(71);
        wf.prepare().accept(e);
        SimCluster cluster = wf.engine().apply(e);
        CrashingPorts ports = new CrashingPorts(crashAt, () -> {
            cluster.crashEngine();
            e.w.world().schedule(Duration.ofSeconds(1), "restart engine", cluster::restartEngine);
        });
        try {
            cluster.restartEngine(ports::wrap);
        } catch (CrashingPorts.EngineCrashed diedStarting) {
            // killed while registering its watches: restarted like any other crash
        }
        wf.action().accept(e);
        e.runUntil(wf.done().apply(e), Duration.ofHours(3), wf.name() + " to finish (crash at " + crashAt + ")");
        return new String[] {wf.outcome().apply(e), String.valueOf(ports.calls()), String.valueOf(ports.crashed())};
    }

    @TestFactory
    Stream<DynamicTest> everyWorkflowEndsTheSameWhereverTheEngineIsKilled() {
        return workflows().stream().map(wf -> DynamicTest.dynamicTest(wf.name(), () -> {
            String[] clean = run(wf, 0);
            long calls = Long.parseLong(clean[1]);
            assertTrue(calls > 0);
            for (long n = 1; n <= Math.min(calls, Long.getLong("crash.limit", Long.MAX_VALUE)); n++) {
                String[] crashed = run(wf, n);
                assertEquals("true", crashed[2], "the engine was killed at call " + n);
                assertEquals(clean[0], crashed[0], wf.name() + ": killed after port call " + n + " of " + calls);
            }
        }));
    }
}
