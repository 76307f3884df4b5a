package io.mirrordrill.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.mirrordrill.cli.Ran.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's contract: what it prints and its exit codes. */
class MainTest {
    @TempDir
    Path dir;

    /** The example drills of the working tree (the module's tests run in cli/). */
    private static Path example(String name) {
        return Path.of("..", "scenarios", "drills", "examples", name);
    }

    @Test
    void versionPrintsTheProjectVersion() {
        Ran r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("mirrordrill 0.1.0"), r.out());
    }

    @Test
    void listShowsEveryBuiltInDrill() {
        Ran r = run("drill", "list");
        assertEquals(0, r.code(), r.err());
        for (String name : new String[] {"setup-replication", "failover-site-loss", "failover-during-transfer",
                "resync-discards-destination-writes", "reverse-resync-keeps-writes",
                "reverse-direction-shutdown-snapshot", "fail-back", "delete-relationship", "namespace-merge",
                "day-in-the-life"}) {
            assertTrue(r.out().contains(name + " "), name + " missing from\n" + r.out());
        }
    }

    @Test
    void aPassingDrillExitsZeroAndWritesEveryReport() throws IOException {
        Path report = dir.resolve("report");
        Ran r = run("drill", "run", "setup-replication", "--json", dir.resolve("r.json").toString(), "--junit",
                dir.resolve("junit.xml").toString(), "--report", report.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("PASS setup-replication"), r.out());
        assertTrue(r.out().contains("trace "), r.out());
        assertTrue(Files.readString(dir.resolve("r.json")).contains("\"traceHash\""));
        assertTrue(Files.readString(dir.resolve("junit.xml")).contains("<testcase classname=\"mirrordrill.drill\""
                + " name=\"setup-replication\""));
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("<svg") && html.contains("AMR k8s-west/my-app-namespace"), "timeline in the HTML");
        assertTrue(Files.exists(report.resolve("setup-replication.json")));
    }

    @Test
    void benchTimesEachRunAndComparesWithTheTargets() {
        Ran r = run("drill", "bench", "--drill", "setup-replication", "--runs", "2", "--processes", "0");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("run 1: pass ") && r.out().contains("run 2: pass "), r.out());
        assertTrue(r.out().matches("(?s).*setup-replication in this JVM \\(2 runs\\): best [\\d,]+ ms wall, median after"
                + " warm-up [\\d,]+ ms wall, [\\d,]+ ms on the simulation's CPU;.*live heap (\\d+ MiB|unknown \\(no GC ran\\)).*"
                + "collectors .*"), r.out());
        assertFalse(r.out().contains("target under 3,000 ms"), "no in-process target for this drill: " + r.out());
        assertFalse(r.out().contains("process 1:"), "--processes 0 starts none: " + r.out());
        assertTrue(r.out().matches("(?s).*unavoidable events: [\\d,]+ writes, \\d+ snapshots created, \\d+ SnapMirror transfers"
                + " \\([\\d,]+ bytes\\), \\d+ archive objects written, \\d+ reconciles that wrote something; all work:"
                + " reconciles \\d+ of which \\d+ wrote something, port calls [\\d,]+ of which \\d+ writes.*"), r.out());
        assertTrue(r.out().matches("(?s).*machine: \\d+ cores, [\\d,]+ MiB memory, .*load average .* at start, .* at end.*"),
                r.out());
    }

    @Test
    void theMedianLeavesTheWarmUpRunOut() {
        assertEquals(20, BenchCommand.medianAfterFirst(java.util.List.of(900L, 30L, 10L, 20L)));
        assertEquals(25, BenchCommand.medianAfterFirst(java.util.List.of(900L, 30L, 20L)));
        assertEquals(900, BenchCommand.medianAfterFirst(java.util.List.of(900L)));
    }

    @Test
    void aDrillExpectingNoLossFromAnUnplannedFailoverExitsOneAndSaysWhy() throws IOException {
        Path junit = dir.resolve("junit.xml");
        Ran r = run("drill", "run", example("expect-no-loss-on-unplanned-failover.yaml").toString(), "--junit",
                junit.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL expect-no-loss-on-unplanned-failover"), r.out());
        assertTrue(r.out().contains("expected RPO at most 0 records"), r.out());
        assertTrue(r.out().contains("records lost at the failover"), r.out());
        assertTrue(r.out().contains("expect-no-loss-on-unplanned-failover.yaml:"), "names the line: " + r.out());
        assertTrue(Files.readString(junit).contains("<failure type=\"expectation\""));
    }

    @Test
    void aMalformedDrillExitsTwoNamingTheLineAndNothingRuns() {
        Ran r = run("drill", "run", example("malformed.yaml").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("malformed.yaml:9: steps[1].workload.rat: unknown field \"rat\""), r.err());
        assertTrue(r.err().contains("no Kubernetes cluster \"k8s-north\""), r.err());
        assertTrue(r.out().isEmpty(), "nothing ran: " + r.out());
    }

    @Test
    void validateAcceptsAGoodDrillAndRefusesABadOne() {
        assertEquals(0, run("drill", "validate", "fail-back").code());
        assertEquals(2, run("drill", "validate", example("malformed.yaml").toString()).code());
    }

    @Test
    void validateReportsAMalformedTransformationInAnAppliedFileWithLineFieldAndFixAndExitsTwo() {
        Ran r = run("drill", "validate", example("malformed-transformation.yaml").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("malformed-transformation/relationship.yaml:16: spec.transformations[0].resource"
                + ".kind: AppMirrorRelationship/my-app-namespace/amr-1: PersistentVolumeClaims cannot be modified by"
                + " transformations"), r.err());
        assertTrue(r.err().contains("Fix: remove this transformation"), r.err());
        assertFalse(r.err().contains("Exception"), "a finding, not a stack trace: " + r.err());
    }

    @Test
    void anUnknownDrillOrOptionIsAUsageError() {
        Ran unknown = run("drill", "run", "no-such-drill");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("setup-replication"), "lists the built-in drills: " + unknown.err());
        assertEquals(2, run("drill", "run", "--bogus", "setup-replication").code());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"drill", "--help"}, {"drill", "run", "--help"},
                {"drill", "list", "--help"}, {"drill", "validate", "--help"}, {"drill", "bench", "--help"},
                {"drill", "fuzz", "--help"}}) {
            Ran r = run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Usage:"), r.out());
        }
    }

    @Test
    void fuzzPassesOnTheRealEngineAndFindsAPlantedBugWritingADrillThatReproducesIt() throws IOException {
        Ran clean = run("drill", "fuzz", "--seeds", "1..3", "--out", dir.resolve("clean").toString());
        assertEquals(0, clean.code(), clean.out() + clean.err());
        assertTrue(clean.out().contains("3 seeds (1..3): 3 passed, 0 failed; "), clean.out());
        assertTrue(clean.out().matches("(?s).*drills/min on \\d+ jobs, \\S+ simulated per drill on average.*"), clean.out());

        // seed 4: the first of 1..60 whose generated drill fails over while a transfer runs, which the bug needs
        Ran buggy = run("drill", "fuzz", "--seeds", "4..4", "--out", dir.resolve("bug").toString(), "--planted-bug",
                "skip-quiesce");
        assertEquals(1, buggy.code(), buggy.out() + buggy.err());
        assertTrue(buggy.out().contains("FAIL seed 4") && buggy.out().contains("(reproduces)"), buggy.out());
        Path written = dir.resolve("bug").resolve("fuzz-4.yaml");
        assertTrue(Files.readString(written).contains("--planted-bug skip-quiesce"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(written)), "the drill holds its world's S3 secret keys");
        assertEquals(1, run("drill", "run", written.toString(), "--planted-bug", "skip-quiesce").code());
        assertEquals(0, run("drill", "run", written.toString()).code());
    }

    @Test
    void badFuzzSeedsAreAUsageError() {
        assertEquals(2, run("drill", "fuzz", "--seeds", "9..1").code());
        assertEquals(2, run("drill", "fuzz", "--seeds", "x").code());
        assertEquals(2, run("drill", "fuzz", "--seeds", "1..2", "--jobs", "0").code());
    }

    @Test
    void badInputIsOneLineAndOnlyDebugAddsTheStackTrace() {
        Ran plain = run("drill", "bench", "--runs", "0");
        assertEquals(2, plain.code(), plain.out() + plain.err());
        assertEquals(1, plain.err().strip().lines().count(), plain.err());
        assertFalse(plain.err().contains("\tat "), plain.err());

        for (String[] args : new String[][] {{"--debug", "drill", "bench", "--runs", "0"},
                {"drill", "bench", "--runs", "0", "--debug"}}) {
            Ran debug = run(args);
            assertEquals(2, debug.code(), debug.out() + debug.err());
            assertTrue(debug.err().startsWith(plain.err().strip()), debug.err());
            assertTrue(debug.err().contains("\tat io.mirrordrill.cli.BenchCommand.call"), debug.err());
        }
    }

    @Test
    void theHelpDocumentsDebugAndEveryExitCode() {
        String help = run("--help").out();
        assertTrue(help.contains("--debug"), help);
        for (String code : new String[] {"  0 ", "  1 ", "  2 "}) {
            assertTrue(help.contains(code), code + " in\n" + help);
        }
    }

    @Test
    void aReportThatCannotBeWrittenIsRefusedBeforeTheDrillRuns() throws IOException {
        Path taken = Files.writeString(dir.resolve("taken"), "x");
        Ran r = run("drill", "run", "setup-replication", "--report", taken.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.out().isEmpty(), "nothing ran: " + r.out());
        assertTrue(r.err().contains("--report: " + taken + " exists and is not a directory"), r.err());
    }
}
