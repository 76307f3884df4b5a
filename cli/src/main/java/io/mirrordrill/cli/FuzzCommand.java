package io.mirrordrill.cli;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.scenario.drill.DrillInputException;
import io.mirrordrill.scenario.drill.Units;
import io.mirrordrill.scenario.fuzz.Campaign;
import io.mirrordrill.scenario.fuzz.FuzzCoverage;
import io.mirrordrill.scenario.fuzz.FuzzResults;
import io.mirrordrill.scenario.fuzz.Fuzzer;
import io.mirrordrill.scenario.fuzz.Shard;
import io.mirrordrill.scenario.fuzz.PlantedBugs;
import io.mirrordrill.scenario.runner.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/** {@code mirrordrill drill fuzz}. */
@Command(name = "fuzz", mixinStandardHelpOptions = true, subcommands = FuzzMergeCommand.class,
        description = "Generate drills from seeds (worlds, operation sequences, faults that respect preconditions),"
                + " run them with the invariants, and shrink each failure to a minimal drill file that reproduces it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every generated drill passed", "1:a failure was found (see the written drill files)",
                "2:bad input or usage"})
final class FuzzCommand implements Callable<Integer> {
    /** Seeds in one run: a million drills of 2 simulated hours is about 16 hours here; more is a campaign. */
    static final long MAX_SEEDS = 1_000_000;
    static final int MAX_JOBS = 256;
    /** Shards of one campaign: an Indexed Job runs at most 100,000 pods at once (Kubernetes batch validation). */
    static final int MAX_SHARDS = 100_000;

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

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only the I-th (0-based) of N interleaved slices of the seeds, for a campaign on N"
                    + " machines or pods (in a Kubernetes Indexed Job: --shard $(JOB_COMPLETION_INDEX)/N);"
                    + " 'drill fuzz merge' combines the shards' --out directories.")
    String shard;

    @Option(names = "--planted-bug", paramLabel = "NAME",
            description = "Run against an engine with a deliberate defect, to see the fuzzer find it: ${COMPLETION-CANDIDATES}.",
            completionCandidates = BugNames.class)
    String plantedBug;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        long[] range = range(seeds);
        Shard slice = shard == null ? Shard.WHOLE : shard(shard);
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
        // a record left by an earlier run would pass for this one's if this one does not finish
        Files.deleteIfExists(out.resolve(FuzzResults.RECORD));
        Fuzzer fuzzer = new Fuzzer(BuiltInDrills.directory(), out, options, hint);
        int total = (int) slice.size(range[0], range[1]);
        List<Fuzzer.Outcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        try (Progress progress = Progress.of("fuzz", total, true)) {
            fuzzer.fuzz(range[0], range[1], slice, jobs, o -> {
                outcomes.add(o);
                progress.step(outcomes.size(), total, "seed " + o.seed());
                if (!o.passed()) {
                    console.print(FuzzResults.failure(o));
                    console.flush();
                }
            });
        }
        double minutes = Math.max(1, System.nanoTime() - start) / 60e9;
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        long simulated = outcomes.stream().mapToLong(Fuzzer.Outcome::simulatedMillis).sum();
        console.printf(Locale.ROOT, "%d seeds (%s%d..%d): %d passed, %d failed; %.0f drills/min on %d jobs, %s"
                        + " simulated per drill on average%n", total, shard == null ? "" : "shard " + slice + " of ",
                range[0], range[1], total - failed, failed, total / minutes, jobs,
                Units.format(java.time.Duration.ofMillis(total == 0 ? 0 : simulated / total)));
        console.print(FuzzCoverage.describe(outcomes));
        FuzzResults.write(out, new Campaign(MirrordrillCommand.Version.number(), range[0], range[1], hint), slice,
                outcomes);
        return failed == 0 ? Main.PASSED : Main.FAILED;
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

    /**
     * {@code I/N}, 0 <= I < N. Kubernetes leaves {@code $(JOB_COMPLETION_INDEX)} as it is when the variable is not
     * set (outside an Indexed Job), so that is named.
     */
    static Shard shard(String text) {
        String fix = "write e.g. --shard 0/4 (the I-th of N slices, 0 <= I < N; in an Indexed Job --shard"
                + " $(JOB_COMPLETION_INDEX)/N)";
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2) {
            throw bad("--shard", "\"" + text + "\" is not I/N", fix);
        }
        if (parts[0].contains("$(")) {
            throw bad("--shard", "\"" + text + "\" has an index Kubernetes did not expand", "run it in a Job with"
                    + " completionMode: Indexed, which sets JOB_COMPLETION_INDEX, or give the index, e.g. --shard 0/"
                    + parts[1].strip());
        }
        int index;
        int count;
        try {
            index = Integer.parseInt(parts[0].strip());
            count = Integer.parseInt(parts[1].strip());
        } catch (NumberFormatException e) {
            throw bad("--shard", "\"" + text + "\" is not I/N in whole numbers", fix);
        }
        if (count < 1 || count > MAX_SHARDS) {
            throw bad("--shard", "\"" + text + "\": " + count + " shards " + (count < 1 ? "run nothing"
                    : "are more than " + MAX_SHARDS), "give 1 to " + MAX_SHARDS + " shards, e.g. --shard 0/4");
        }
        if (index < 0 || index >= count) {
            throw bad("--shard", "\"" + text + "\": shard " + index + " is not one of 0.." + (count - 1),
                    "give an index from 0 to " + (count - 1) + ", e.g. --shard 0/" + count);
        }
        return new Shard(index, count);
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
