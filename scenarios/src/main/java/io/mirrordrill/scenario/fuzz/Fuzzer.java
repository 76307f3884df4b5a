package io.mirrordrill.scenario.fuzz;

import io.mirrordrill.scenario.ScenarioException;
import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.DrillInputException;
import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.runner.DrillRunner;
import io.mirrordrill.scenario.runner.RunOptions;
import io.mirrordrill.scenario.secret.SecretFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code drill fuzz}: for each seed, generate a drill, run it with the invariants, and when it fails shrink its
 * operations to a minimal list that fails the same way, write that as a drill file, and run the file once more to
 * show it reproduces. Generated drills live in the output directory next to copies of {@code seed/} and
 * {@code fuzz/}, so a written drill runs as it is.
 */
public final class Fuzzer {
    /**
     * One seed's outcome; {@code reproduction} is the written drill when it failed; {@code traceHash} and
     * {@code simulatedMillis} are the generated drill's first run, {@code reach} what it reached
     * ({@link FuzzCoverage}).
     */
    public record Outcome(long seed, boolean passed, String failure, int operations, int shrunkTo,
                          Path reproduction, boolean reproduces, String traceHash, long simulatedMillis,
                          FuzzCoverage.Reach reach) {}

    /** Seeds in flight per job: enough that a slow seed does not leave a thread idle. */
    static final int AHEAD = 8;

    private final Path drills;
    private final Path out;
    private final RunOptions options;
    private final String runHint;
    /** How long generated drills last at least ({@link FuzzGenerator#LENGTH}). */
    private final Duration length;

    /**
     * @param drills the built-in drills directory (its {@code seed/} and {@code fuzz/} are copied)
     * @param out where generated and shrunk drills are written
     */
    public Fuzzer(Path drills, Path out, RunOptions options) {
        this(drills, out, options, "");
    }

    /** {@code runHint}: what to add to {@code mirrordrill drill run} to reproduce (a planted bug's option). */
    public Fuzzer(Path drills, Path out, RunOptions options, String runHint) {
        this(drills, out, options, runHint, FuzzGenerator.LENGTH);
    }

    /**
     * {@code length}: how long generated drills last at least; the same operations at any length, only the closing
     * advance differs (a test's campaign that checks what the operations reach runs them shorter).
     */
    public Fuzzer(Path drills, Path out, RunOptions options, String runHint, Duration length) {
        this.drills = drills;
        this.out = out;
        this.options = options;
        this.runHint = runHint;
        this.length = length;
        copy("seed");
        copy("fuzz");
    }

    public Outcome fuzz(long seed) {
        FuzzCase generated = FuzzGenerator.generate(seed, length);
        DrillResult first = run(generated, "fuzz-" + seed);
        FuzzCoverage.Reach reach = FuzzCoverage.of(generated, first);
        if (first.passed()) {
            return new Outcome(seed, true, null, generated.ops().size(), 0, null, false,
                    first.measures().traceHash(), first.measures().simulatedMillis(), reach);
        }
        String signature = signature(first);
        List<Op> minimal = Shrinker.shrink(generated.ops(), ops -> {
            if (!healsFollowInjects(ops)) {
                return false; // drill validate refuses a heal of a fault that is not active (FaultOrder)
            }
            // a candidate drill validate refuses (a step removed that a later one refers to) is not that failure
            Optional<DrillResult> r = runIfValid(generated.withOps(ops), "fuzz-" + seed + "-candidate");
            return r.isPresent() && !r.get().passed() && signature(r.get()).equals(signature);
        });
        FuzzCase shrunk = generated.withOps(minimal);
        Path file = out.resolve("fuzz-" + seed + ".yaml");
        write(file, shrunk.yaml("fuzz-" + seed, "Found by drill fuzz, seed " + seed + ", shrunk from "
                + generated.ops().size() + " to " + minimal.size() + " operations.\nIt fails with: "
                + first.failure().message() + "\nRun it: mirrordrill drill run " + file + runHint));
        DrillResult again = DrillRunner.run(DrillParser.parse(file), options);
        boolean reproduces = !again.passed() && signature(again).equals(signature);
        return new Outcome(seed, false, first.failure().message(), generated.ops().size(), minimal.size(), file,
                reproduces, first.measures().traceHash(), first.measures().simulatedMillis(), reach);
    }

    /** Whether every heal comes after the injection it heals, as a valid drill needs. */
    static boolean healsFollowInjects(List<Op> ops) {
        Set<FaultKind> active = EnumSet.noneOf(FaultKind.class);
        for (Op op : ops) {
            if (op instanceof Op.Inject inject) {
                active.add(inject.fault());
            } else if (op instanceof Op.Heal heal && !active.remove(heal.fault())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fuzzes seeds {@code from..to} on {@code jobs} threads and hands the outcomes to {@code inOrder} in seed order.
     * Each seed has a world of its own, so the outcomes are those of a run one seed at a time. Seeds are submitted
     * {@value #AHEAD} per job ahead of the one handed over, so a campaign of a million seeds holds a few pending
     * tasks, not a million.
     */
    public void fuzz(long from, long to, int jobs, Consumer<Outcome> inOrder) {
        fuzz(from, to, Shard.WHOLE, jobs, inOrder);
    }

    /** Fuzzes the seeds of {@code from..to} that are {@code shard}'s, as {@link #fuzz(long, long, int, Consumer)}. */
    public void fuzz(long from, long to, Shard shard, int jobs, Consumer<Outcome> inOrder) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Outcome>> pending = new ArrayDeque<>();
            int ahead = Math.max(1, jobs) * AHEAD;
            for (long seed = from + shard.index(); seed <= to && seed >= from; seed += shard.count()) {
                if (pending.size() == ahead) {
                    inOrder.accept(pending.removeFirst().get());
                }
                long s = seed;
                pending.addLast(pool.submit(() -> fuzz(s)));
            }
            while (!pending.isEmpty()) {
                inOrder.accept(pending.removeFirst().get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fuzzing", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What makes two failures the same: the invariant broken, or the step that failed and how (its message with
     * numbers left out), so shrinking cannot trade the failure for another one at the same step.
     */
    static String signature(DrillResult r) {
        String message = r.failure().message();
        if (r.failure().kind().equals("invariant")) {
            return "invariant " + message.substring(0, Math.max(0, message.indexOf(':')));
        }
        String where = r.failure().where();
        int path = where.indexOf('(');
        String step = path < 0 ? where : where.substring(path, where.indexOf(':', path));
        return r.failure().kind() + " " + step + " " + message.replaceAll("[0-9]+", "#");
    }

    private DrillResult run(FuzzCase c, String name) {
        Path file = out.resolve(name + ".yaml");
        write(file, c.yaml(name, "generated by drill fuzz"));
        try {
            Drill drill = DrillParser.parse(file);
            return DrillRunner.run(drill, options);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Runs a shrinking candidate; empty when drill validate refuses it. */
    private Optional<DrillResult> runIfValid(FuzzCase c, String name) {
        try {
            return Optional.of(run(c, name));
        } catch (DrillInputException refused) {
            return Optional.empty();
        }
    }

    /** A generated drill holds its world's S3 secret keys: written 0600. */
    private static void write(Path file, String text) {
        try {
            SecretFiles.write(file, text, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void copy(String dir) {
        Path from = drills.resolve(dir);
        if (!Files.isDirectory(from)) {
            throw new ScenarioException("no " + dir + "/ under " + drills + ": drill fuzz needs the built-in drills");
        }
        copyTree(from, out.resolve(dir));
    }

    /** Copies the files under {@code from} to the same places under {@code to}. */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    byte[] bytes = Files.readAllBytes(f);
                    SecretFiles.write(target, bytes, SecretFiles.holdsSecret(new String(bytes,
                            StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
