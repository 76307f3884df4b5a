package io.mirrordrill.cli;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.scenario.drill.DrillInputException;
import io.mirrordrill.scenario.drill.Units;
import io.mirrordrill.scenario.fuzz.Fuzzer;
import io.mirrordrill.scenario.fuzz.PlantedBugs;
import io.mirrordrill.scenario.runner.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/** {@code mirrordrill drill fuzz}. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Generate drills from seeds (worlds, operation sequences, faults that respect preconditions),"
                + " run them with the invariants, and shrink each failure to a minimal drill file that reproduces it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every generated drill passed", "1:a failure was found (see the written drill files)",
                "2:bad input or usage"})
final class FuzzCommand implements Callable<Integer> {
    /** Seeds in one run: a million drills of 2 simulated hours is about 16 hours here; more is a campaign. */
    static final long MAX_SEEDS = 1_000_000;
    static final int MAX_JOBS = 256;

    @Spec
    CommandSpec spec;

    @Option(names = "--seeds", paramLabel = "A..B", defaultValue = "1..200",
            description = "Seeds to try, inclusive (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "fuzz-out",
            description = "Where shrunk failing drills are written (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Seeds run at once, each in a world of its own (default: the number of cores, here ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--planted-bug", paramLabel = "NAME",
            description = "Run against an engine with a deliberate defect, to see the fuzzer find it: ${COMPLETION-CANDIDATES}.",
            completionCandidates = BugNames.class)
    String plantedBug;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        long[] range = range(seeds);
        if (jobs < 1 || jobs > MAX_JOBS) {
            throw bad("--jobs", "--jobs " + jobs + (jobs < 1 ? " runs nothing" : " is more than " + MAX_JOBS),
                    "give 1 to " + MAX_JOBS + ", e.g. --jobs 2");
        }
        RunOptions options = RunOptions.defaults();
        String hint = "";
        if (plantedBug != null) {
            UnaryOperator<EnginePorts> bug = PlantedBugs.of(plantedBug).orElseThrow(() -> bad("--planted-bug",
                    "unknown planted bug \"" + plantedBug + "\"", "use one of " + PlantedBugs.NAMES));
            options = options.withEnginePorts(cluster -> bug);
            hint = " --planted-bug " + plantedBug;
        }
        // checked (and created) before the first seed runs, so no finding is lost to a path that cannot take it
        OutputPaths.directory("--out", out, "fuzz-out");
        Fuzzer fuzzer = new Fuzzer(BuiltInDrills.directory(), out, options, hint);
        int total = (int) (range[1] - range[0] + 1);
        int[] failed = {0};
        long[] simulated = {0};
        long start = System.nanoTime();
        try (Progress progress = Progress.of("fuzz", total, true)) {
            fuzzer.fuzz(range[0], range[1], jobs, o -> {
                simulated[0] += o.simulatedMillis();
                progress.step((int) (o.seed() - range[0] + 1), total, "seed " + o.seed());
                if (!o.passed()) {
                    failed[0]++;
                    console.printf("FAIL seed %d: %s%n  shrunk from %d to %d operations: %s (%s)%n", o.seed(),
                            o.failure(), o.operations(), o.shrunkTo(), o.reproduction(),
                            o.reproduces() ? "reproduces" : "did NOT reproduce");
                    console.flush();
                }
            });
        }
        double minutes = Math.max(1, System.nanoTime() - start) / 60e9;
        console.printf(Locale.ROOT, "%d seeds (%d..%d): %d passed, %d failed; %.0f drills/min on %d jobs, %s simulated"
                        + " per drill on average%n", total, range[0], range[1], total - failed[0], failed[0],
                total / minutes, jobs, Units.format(java.time.Duration.ofMillis(simulated[0] / total)));
        return failed[0] == 0 ? Main.PASSED : Main.FAILED;
    }

    /** {@code A..B} or {@code A}: seeds from 0 up, at most {@value #MAX_SEEDS} of them in one run. */
    static long[] range(String text) {
        String fix = "write e.g. --seeds 1..200 (A..B, both included, 0 <= A <= B)";
        String[] parts = text.strip().split("\\.\\.", -1);
        if (parts.length > 2 || parts[0].isBlank() || (parts.length == 2 && parts[1].isBlank())) {
            throw bad("--seeds", "\"" + text + "\" is not a range A..B", fix);
        }
        long from;
        long to;
        try {
            from = Long.parseLong(parts[0].strip());
            to = parts.length == 2 ? Long.parseLong(parts[1].strip()) : from;
        } catch (NumberFormatException e) {
            throw bad("--seeds", "\"" + text + "\" is not a range of whole numbers A..B (each at most "
                    + Long.MAX_VALUE + ")", fix);
        }
        if (from < 0) {
            throw bad("--seeds", "seed " + from + " is negative", fix);
        }
        if (to < from) {
            throw bad("--seeds", "\"" + text + "\" is reversed: " + to + " comes before " + from, "write it as --seeds "
                    + to + ".." + from);
        }
        if (to - from >= MAX_SEEDS) {
            throw bad("--seeds", "\"" + text + "\" is " + (to - from == Long.MAX_VALUE ? "more than " + MAX_SEEDS
                    : String.valueOf(to - from + 1)) + " seeds, more than " + MAX_SEEDS + " in one run", "split it into"
                    + " runs of at most " + MAX_SEEDS + " seeds, e.g. --seeds " + from + ".." + (from + MAX_SEEDS - 1));
        }
        return new long[] {from, to};
    }

    private static DrillInputException bad(String option, String reason, String fix) {
        return BadInput.of(option, reason, fix);
    }

    /** For picocli's completion candidates. */
    static final class BugNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PlantedBugs.NAMES.iterator();
        }
    }
}
