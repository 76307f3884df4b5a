package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.DrillCatalog;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.sim.Trace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CensusTest {
    private static Drill setupReplication() {
        return DrillCatalog.builtIn(Path.of("drills")).stream().filter(d -> d.name().equals("setup-replication"))
                .findFirst().orElseThrow();
    }

    @Test
    void countingChangesNothingOfTheRun() {
        Drill drill = setupReplication();
        Census.Counts counted = Census.take(drill, RunOptions.defaults());
        DrillResult plain = DrillRunner.run(drill, RunOptions.defaults());
        assertTrue(counted.result().passed());
        assertEquals(plain.measures().traceHash(), counted.result().measures().traceHash(), "same trace");
        assertEquals(plain.measures().traceEntries(), counted.traceEntries());
    }

    @Test
    void theCountsAreTheTracesAndTheEnginesOwn() {
        Drill drill = setupReplication();
        // the same run observed independently: every trace entry, every reconcile the engines report
        DrillRun run = new DrillRun(drill, RunOptions.defaults());
        List<Trace.Entry> entries = new ArrayList<>();
        run.estate.world().trace().subscribe(entries::add);
        AtomicLong reconciles = new AtomicLong();
        run.estate.clusters().forEach(c -> c.engine().onEvent(e -> reconciles.incrementAndGet()));
        DrillResult result = run.execute();

        Census.Counts c = Census.take(drill, RunOptions.defaults());
        assertEquals(entries.stream().filter(e -> e.source().startsWith("ontap/")
                && e.message().startsWith("snapshot create ")).count(), c.snapshotsCreated());
        assertEquals(entries.stream().filter(e -> e.source().startsWith("s3:")
                && e.message().startsWith("put ")).count(), c.objectsWritten());
        assertEquals(result.measures().transfers() - result.measures().transfersFailed(), c.transfers());
        assertEquals(result.measures().bytesTransferred(), c.bytesTransferred());
        assertEquals(result.measures().writesAccepted(), c.writes());
        assertEquals(reconciles.get(), c.reconcileCount(), "one reconcile per controller event");
        assertEquals(c.reconcileCount(), c.reconciles().values().stream().mapToLong(r -> r[0]).sum());
        assertTrue(c.snapshotsCreated() > 0 && c.transfers() > 0 && c.objectsWritten() > 0, c.toString());
        assertTrue(c.reconcilesThatWrote() > 0 && c.reconcilesThatWrote() < c.reconcileCount(), c.toString());
        assertTrue(c.portWrites() > 0 && c.portWrites() < c.portCalls(), c.toString());
        assertEquals(result.measures().traceEntries(), c.traceEntries());
    }
}
