package io.mirrordrill.scenario.fuzz;

import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.TextSummary;
import io.mirrordrill.scenario.runner.DrillRunner;
import io.mirrordrill.scenario.runner.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FuzzTest {
    private static final Path DRILLS = Path.of("drills");

    @TempDir
    Path out;

    @TempDir
    static Path campaignOut;

    /**
     * Seeds 1..200 on the real engine, run once for the tests that read them. Their operations are the ones
     * {@code drill fuzz} runs; the closing advance is the drawn one, not run on to two hours (the operations reach
     * what they reach before it; {@link #generatedDrillsLastTwoSimulatedHoursAndPass} runs full-length drills).
     */
    private static List<Fuzzer.Outcome> campaign;

    private static synchronized List<Fuzzer.Outcome> twoHundredSeeds() {
        if (campaign == null) {
            List<Fuzzer.Outcome> outcomes = new ArrayList<>();
            new Fuzzer(DRILLS, campaignOut, RunOptions.defaults(), "", Duration.ZERO).fuzz(1, 200,
                    Runtime.getRuntime().availableProcessors(), outcomes::add);
            campaign = List.copyOf(outcomes);
        }
        return campaign;
    }

    @Test
    void twoHundredGeneratedDrillsPassOnTheRealEngine() {
        List<String> failures = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        for (Fuzzer.Outcome o : twoHundredSeeds()) {
            seen.add(o.seed());
            if (!o.passed()) {
                failures.add("seed " + o.seed() + ": " + o.failure() + " -> " + o.reproduction());
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(LongStream.rangeClosed(1, 200).boxed().toList(), seen, "every seed, in seed order");
    }

    @Test
    void twoHundredSeedsReachEveryLifecycleRowFaultKindAndWorkflow() {
        List<Fuzzer.Outcome> outcomes = twoHundredSeeds();
        System.out.print(FuzzCoverage.describe(outcomes)); // the counts, for whoever tunes the generator
        assertEquals(List.of(), FuzzCoverage.missed(outcomes), FuzzCoverage.describe(outcomes));
    }

    @Test
    void seedsFuzzedInParallelRunAsTheyDoOneAtATime() {
        // the drawn closing advance: running on to two hours changes nothing of what runs in parallel
        Fuzzer fuzzer = new Fuzzer(DRILLS, out, RunOptions.defaults(), "", Duration.ZERO);
        List<String> parallel = new ArrayList<>();
        fuzzer.fuzz(11, 18, 4, o -> parallel.add(o.seed() + " " + o.traceHash() + " " + o.simulatedMillis()));
        List<String> alone = new ArrayList<>();
        for (long seed = 11; seed <= 18; seed++) {
            Fuzzer.Outcome o = fuzzer.fuzz(seed);
            alone.add(o.seed() + " " + o.traceHash() + " " + o.simulatedMillis());
        }
        assertEquals(alone, parallel);
    }

    @Test
    void anEngineThatSkipsTheQuiesceIsFoundShrunkAndItsDrillReproducesIt() throws Exception {
        RunOptions buggy = RunOptions.defaults().withEnginePorts(c -> PlantedBugs.of("skip-quiesce").orElseThrow());
        Fuzzer fuzzer = new Fuzzer(DRILLS, out, buggy);
        Fuzzer.Outcome found = null;
        for (long seed = 1; seed <= 60 && found == null; seed++) {
            Fuzzer.Outcome o = fuzzer.fuzz(seed);
            found = o.passed() ? null : o;
        }
        assertTrue(found != null, "the fuzzer found no failure in 60 seeds");
        assertTrue(found.failure().contains("status.state == Promoted"), found.failure());
        assertTrue(found.shrunkTo() < found.operations(), found.operations() + " -> " + found.shrunkTo());
        assertTrue(found.reproduces(), "the written drill reproduces the failure");

        String text = Files.readString(found.reproduction());
        assertTrue(text.contains("fuzz-failover") && text.contains("degrade"), text);
        DrillResult withBug = DrillRunner.run(DrillParser.parse(found.reproduction()), buggy);
        assertFalse(withBug.passed(), "fails again with the bug");
        DrillResult withoutBug = DrillRunner.run(DrillParser.parse(found.reproduction()), RunOptions.defaults());
        assertTrue(withoutBug.passed(), "passes on the real engine: the bug is the cause\n"
                + TextSummary.of(withoutBug));
    }

    @Test
    void generatedDrillsLastTwoSimulatedHoursAndPass() {
        Fuzzer fuzzer = new Fuzzer(DRILLS, out, RunOptions.defaults());
        for (long seed = 1; seed <= 2; seed++) {
            Fuzzer.Outcome o = fuzzer.fuzz(seed);
            assertTrue(o.passed(), "seed " + seed + ": " + o.failure());
            assertTrue(o.simulatedMillis() >= FuzzGenerator.LENGTH.toMillis(), "seed " + seed + ": "
                    + o.simulatedMillis() + " ms simulated");
        }
    }

    /** Only the closing advance depends on the length: it runs on until the operations' advances add up to it. */
    @Test
    void aDrillsLengthChangesOnlyItsClosingAdvance() {
        for (long seed = 1; seed <= 500; seed++) {
            List<Op> full = FuzzGenerator.generate(seed).ops();
            List<Op> drawn = FuzzGenerator.generate(seed, Duration.ZERO).ops();
            assertEquals(drawn.subList(0, drawn.size() - 1), full.subList(0, full.size() - 1), "seed " + seed);
            Duration advances = full.stream().filter(op -> !(op instanceof Op.Storage))
                    .flatMap(op -> op.steps().stream()).filter(s -> s instanceof Step.Advance)
                    .map(s -> ((Step.Advance) s).duration()).reduce(Duration.ZERO, Duration::plus);
            assertTrue(advances.compareTo(FuzzGenerator.LENGTH) >= 0, "seed " + seed + ": " + advances);
            Op.Pass closing = (Op.Pass) full.get(full.size() - 1);
            assertTrue(closing.equals(drawn.get(drawn.size() - 1)) || closing.why().equals("run on"), "seed " + seed);
        }
    }

    @Test
    void theSameSeedGeneratesTheSameDrillAndOthersDiffer() {
        assertEquals(FuzzGenerator.generate(42).yaml("x", "c"), FuzzGenerator.generate(42).yaml("x", "c"));
        assertNotEquals(FuzzGenerator.generate(42).yaml("x", "c"), FuzzGenerator.generate(43).yaml("x", "c"));
    }

    /**
     * The storage operations are drawn from a stream of their own and only added: without them a seed's operations
     * are the ones it drew before they existed.
     */
    @Test
    void storageOperationsAreAddedWithoutChangingTheOtherDraws() {
        int withStorage = 0;
        for (long seed = 1; seed <= 200; seed++) {
            List<Op> ops = FuzzGenerator.generate(seed).ops();
            List<Op> others = ops.stream().filter(op -> !(op instanceof Op.Storage)).toList();
            withStorage += ops.size() - others.size();
            assertEquals(FuzzGenerator.withoutStorage(seed).ops(), others, "seed " + seed);
        }
        assertTrue(withStorage > 20, "storage operations drawn in seeds 1..200: " + withStorage);
    }

    /** Replays the operations' kinds through the workflow state machine, independently of the generator. */
    @Test
    void generatedOperationsRespectTheirPreconditions() {
        Set<String> needsHealth = Set.of("resync", "reverse resync", "reverse direction", "direction back");
        for (long seed = 1; seed <= 500; seed++) {
            List<Op> ops = FuzzGenerator.generate(seed).ops();
            assertTrue(ops.get(0).kind().startsWith("set up replication"), "seed " + seed + ": " + ops.get(0).kind());
            String state = "Established";
            int activeFaults = 0;
            boolean crashed = false;
            for (Op op : ops.subList(1, ops.size())) {
                String k = op.kind();
                if (Set.of("siteDown", "partition", "degrade", "bucketOutage", "engineCrash").contains(k)) {
                    activeFaults++;
                    crashed |= k.equals("engineCrash");
                } else if (k.startsWith("heal ")) {
                    activeFaults--;
                    crashed &= !k.equals("heal engineCrash");
                }
                String s = "seed " + seed + " op " + k + " in " + state + " with " + activeFaults + " faults";
                if (needsHealth.contains(k) || k.equals("relationship created promoted")) {
                    assertEquals(0, activeFaults, s);
                }
                switch (k) {
                    case "failover", "failover retried after an invalid promotedSnapshot",
                         "failover retried after a transformation that cannot apply" -> {
                        assertEquals("Established", state, s);
                        assertFalse(crashed, s);
                        state = "Promoted";
                    }
                    case "resync" -> {
                        assertEquals("Promoted", state, s);
                        state = "Established";
                    }
                    case "reverse resync", "delete" -> {
                        assertEquals("Promoted", state, s);
                        state = k.equals("delete") ? "Independent" : "Reversed";
                    }
                    case "reverse direction" -> {
                        assertEquals("Established", state, s);
                        state = "Reversed";
                    }
                    case "direction back" -> {
                        assertEquals("Reversed", state, s);
                        state = "Established";
                    }
                    // storage operations: replication running (stop an SVM, abort a transfer) or promoted (restore
                    // the volume the application writes), with every fault healed
                    case "svmStopped", "transferAborted" -> {
                        assertTrue(state.equals("Established") || state.equals("Reversed"), s);
                        assertEquals(0, activeFaults, s);
                    }
                    case "volume snapshot restore" -> {
                        assertEquals("Promoted", state, s);
                        assertEquals(0, activeFaults, s);
                    }
                    default -> assertTrue(activeFaults >= 0, s);
                }
            }
        }
    }
}
