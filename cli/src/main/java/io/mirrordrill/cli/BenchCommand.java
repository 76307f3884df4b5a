package io.mirrordrill.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.runner.Census;
import io.mirrordrill.scenario.runner.DrillRunner;
import io.mirrordrill.scenario.runner.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code mirrordrill drill bench}: a drill timed two ways, each against issue #17's targets. In this JVM, several
 * runs (the first ones warm the JIT up): best and median wall after the first, the simulation thread's CPU time, the
 * live heap. As the user runs it: separate {@code ./mirrordrill drill run <drill> --no-progress} processes (the
 * launcher's JVM settings, start-up and all), their median wall, CPU and peak RSS ({@link WholeProcessRuns}).
 * Then one more run in this JVM counts what the drill had to do ({@link Census}), after the measured ones so that
 * counting slows none of them. Figures are benchmarks, not tests: the exit code is the drill's outcome.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark a drill (default: day-in-the-life) in this JVM and as separate processes, against"
                + " the targets of issue #17, and count the events it cannot avoid.",
                "In-process: best and median wall time after the first run, the simulation thread's CPU time, the"
                        + " live heap. Whole process: median (min-max) wall time, CPU time (user+sys) and peak RSS of"
                        + " './mirrordrill drill run <drill> --no-progress' (each process reports its own CPU and"
                        + " peak RSS from /proc as it exits: Linux only). Targets: day-in-the-life under 1 s in a"
                        + " warm JVM, under 3 s wall and 512 MiB peak RSS as a process; setup-replication under"
                        + " 1.2 s wall as a process."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the drill passed", "1:the drill failed", "2:bad input or usage"})
final class BenchCommand implements Callable<Integer> {
    static final int MAX_RUNS = 1000;
    static final int MAX_PROCESSES = 100;
    /** The simulation is one thread: its CPU time shows what a busy machine's wall time hides. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Issue #17's targets for the drills it names (-1: none): the simulation in a warm JVM, and the whole process's
     * wall time and peak RSS.
     */
    record Targets(long inProcessMillis, long processWallMillis, long processRssMib) {
        static Targets of(String drill) {
            return switch (drill) {
                case "day-in-the-life" -> new Targets(1000, 3000, 512);
                case "setup-replication" -> new Targets(-1, 1200, -1);
                default -> new Targets(-1, -1, -1);
            };
        }
    }

    /** Median, smallest and largest of some figures. */
    record Spread(long median, long min, long max) {
        static Spread of(List<Long> values) {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int n = sorted.size();
            long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Spread(median, sorted.get(0), sorted.get(n - 1));
        }

        /** "6,900 ms (6,500-7,300; target under 3,000 ms: missed, 2.30x)" with {@code target} from {@link #against}. */
        String describe(String unit, String target) {
            return String.format(Locale.ROOT, "%,d %s (%,d-%,d%s)", median, unit, min, max,
                    target.isEmpty() ? "" : "; " + target.substring(2, target.length() - 1));
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--drill", paramLabel = "<file|name>", defaultValue = "day-in-the-life",
            description = "The drill to time (default: ${DEFAULT-VALUE}).")
    String drill;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Runs in this JVM, 1 to " + BenchCommand.MAX_RUNS + "; the first one warms the JIT up and"
                    + " is left out of the medians (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--processes", paramLabel = "N", defaultValue = "5",
            description = "Separate processes './mirrordrill drill run <drill> --no-progress' to time as the user"
                    + " runs them, 0 to " + BenchCommand.MAX_PROCESSES + "; 0 skips them. One untimed"
                    + " './mirrordrill --version' goes first (it builds a stale jar and its class-data archive)."
                    + " Outside a checkout, 'java -jar' of this jar is timed instead (default: ${DEFAULT-VALUE}).")
    int processes;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write every figure, the machine and the census as JSON to FILE (for machines).")
    Path json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (runs < 1 || runs > MAX_RUNS) {
            throw BadInput.of("--runs", "--runs " + runs + (runs < 1 ? " times nothing" : " is more than " + MAX_RUNS),
                    "give 1 to " + MAX_RUNS + ", e.g. --runs 5");
        }
        if (processes < 0 || processes > MAX_PROCESSES) {
            throw BadInput.of("--processes", "--processes " + processes + " is not 0 to " + MAX_PROCESSES,
                    "give 0 (none) to " + MAX_PROCESSES + ", e.g. --processes 5");
        }
        List<Drill> loaded = Drills.load(List.of(drill));
        if (loaded.size() != 1) {
            throw BadInput.of("--drill", "\"" + drill + "\" names " + loaded.size() + " drills", "give one drill"
                    + " file or built-in name, e.g. --drill day-in-the-life");
        }
        Drill d = loaded.get(0);
        Targets targets = Targets.of(d.name());
        ObjectNode report = new ObjectMapper().createObjectNode().put("drill", d.name());
        String loadAtStart = Machine.loadAverage();

        boolean passed = inProcess(d, targets, out, report.putObject("inProcess"));
        passed &= wholeProcess(targets, out, report.putObject("wholeProcess"));
        Census.Counts census = Census.take(d, RunOptions.defaults());
        census(census, out, report.putObject("census"));

        String loadAtEnd = Machine.loadAverage();
        out.printf(Locale.ROOT, "machine: %d cores, %,d MiB memory, %s, load average %s at start, %s at end%n",
                Machine.cores(), Machine.memoryMib(), Machine.java(), loadAtStart, loadAtEnd);
        report.putObject("machine").put("cores", Machine.cores()).put("memoryMib", Machine.memoryMib())
                .put("java", Machine.java()).put("loadAverageAtStart", loadAtStart).put("loadAverageAtEnd", loadAtEnd);
        if (json != null) {
            writeJson(report);
            out.println("figures written to " + json);
        }
        out.flush();
        return passed ? Main.PASSED : Main.FAILED;
    }

    private boolean inProcess(Drill d, Targets targets, PrintWriter out, ObjectNode node) {
        List<Long> walls = new ArrayList<>();
        List<Long> cpus = new ArrayList<>();
        long live = -1; // unknown until a collection runs during a run
        DrillResult last = null;
        try (LiveHeap heap = LiveHeap.watch()) {
            for (int i = 1; i <= runs; i++) {
                System.gc();
                heap.reset();
                long start = System.nanoTime();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                last = DrillRunner.run(d, RunOptions.defaults().withWallClock(System::nanoTime));
                long wall = (System.nanoTime() - start) / 1_000_000;
                long cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
                walls.add(wall);
                cpus.add(cpu);
                live = heap.measured() ? Math.max(live, heap.peakMib()) : live;
                out.printf(Locale.ROOT, "run %d: %s %d ms wall (%d ms on the simulation's CPU), %s simulated, ratio"
                                + " %.0fx, live heap peak %s%n", i, last.passed() ? "pass" : "FAIL", wall, cpu,
                        last.measures().simulated(), last.measures().simulatedMillis() / (double) Math.max(1, wall),
                        heap.measured() ? heap.peakMib() + " MiB (after each GC)" : "unknown (no GC ran during the run)");
                out.flush();
            }
        }
        long best = Collections.min(walls);
        long median = medianAfterFirst(walls);
        long cpuMedian = medianAfterFirst(cpus);
        out.printf(Locale.ROOT, "%s in this JVM (%d runs): best %,d ms wall, median after warm-up %,d ms wall%s,"
                        + " %,d ms on the simulation's CPU; simulated/wall %.0fx; live heap %s (max heap %,d MiB);"
                        + " %,d writes, %,d bytes transferred in %d transfers; %s%n", d.name(), runs, best, median,
                against(median, targets.inProcessMillis(), "ms"), cpuMedian,
                last.measures().simulatedMillis() / (double) Math.max(1, best),
                live < 0 ? "unknown (no GC ran)" : live + " MiB", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                last.measures().writesAccepted(), last.measures().bytesTransferred(), last.measures().transfers(),
                collectors());
        ArrayNode runsNode = node.putArray("runs");
        for (int i = 0; i < walls.size(); i++) {
            runsNode.addObject().put("wallMillis", walls.get(i)).put("simulationCpuMillis", cpus.get(i));
        }
        node.put("bestWallMillis", best).put("medianAfterWarmUpWallMillis", median)
                .put("medianAfterWarmUpSimulationCpuMillis", cpuMedian)
                .put("simulatedMillis", last.measures().simulatedMillis())
                .put("liveHeapMib", live < 0 ? null : live).put("maxHeapMib", Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .put("collectors", collectors()).put("passed", last.passed());
        target(node, "WallMillis", targets.inProcessMillis(), median);
        return last.passed();
    }

    private boolean wholeProcess(Targets targets, PrintWriter out, ObjectNode node)
            throws IOException, InterruptedException {
        if (processes == 0) {
            node.put("skipped", "--processes 0");
            return true;
        }
        StringBuilder why = new StringBuilder();
        Optional<WholeProcessRuns.Launch> found = WholeProcessRuns.find(why);
        if (!why.isEmpty()) {
            out.println("whole process: " + why);
        }
        if (found.isEmpty()) {
            node.put("skipped", why.toString());
            return true;
        }
        WholeProcessRuns.Launch launch = found.get();
        List<String> args = List.of("drill", "run", drill, "--no-progress");
        node.put("command", launch.describe(args));
        WholeProcessRuns.Run prepared = WholeProcessRuns.once(launch, List.of("--version"));
        if (prepared.exitCode() != 0) {
            out.println("whole process: " + launch.describe(List.of("--version")) + " exited " + prepared.exitCode()
                    + ": " + prepared.lastError());
            node.put("skipped", "--version exited " + prepared.exitCode() + ": " + prepared.lastError());
            return false;
        }
        List<WholeProcessRuns.Run> done = new ArrayList<>();
        ArrayNode list = node.putArray("processes");
        boolean passed = true;
        for (int i = 1; i <= processes; i++) {
            WholeProcessRuns.Run r = WholeProcessRuns.once(launch, args);
            done.add(r);
            passed &= r.exitCode() == 0;
            ObjectNode p = list.addObject().put("exitCode", r.exitCode()).put("wallMillis", r.wallMillis());
            r.figures().ifPresent(f -> p.put("cpuMillis", f.cpuMillis()).put("peakRssMib", f.peakRssKib() / 1024));
            out.printf(Locale.ROOT, "process %d: %s %,d ms wall, %s%n", i, r.exitCode() == 0 ? "pass"
                            : "exit " + r.exitCode() + (r.lastError().isEmpty() ? "" : " (" + r.lastError() + ")"),
                    r.wallMillis(), r.figures().map(f -> String.format(Locale.ROOT, "%,d ms CPU, peak RSS %,d MiB",
                            f.cpuMillis(), f.peakRssKib() / 1024)).orElse("CPU and peak RSS unknown (no /proc)"));
            out.flush();
        }
        Spread wall = Spread.of(done.stream().map(WholeProcessRuns.Run::wallMillis).toList());
        List<ProcessFigures.Figures> figures = done.stream().flatMap(r -> r.figures().stream()).toList();
        node.putObject("wallMillis").put("median", wall.median()).put("min", wall.min()).put("max", wall.max());
        target(node, "WallMillis", targets.processWallMillis(), wall.median());
        String rest = "CPU and peak RSS unknown (no process reported them)";
        if (!figures.isEmpty()) {
            Spread cpu = Spread.of(figures.stream().map(ProcessFigures.Figures::cpuMillis).toList());
            Spread rss = Spread.of(figures.stream().map(f -> f.peakRssKib() / 1024).toList());
            node.putObject("cpuMillis").put("median", cpu.median()).put("min", cpu.min()).put("max", cpu.max());
            node.putObject("peakRssMib").put("median", rss.median()).put("min", rss.min()).put("max", rss.max());
            target(node, "PeakRssMib", targets.processRssMib(), rss.median());
            rest = "CPU (user+sys) " + cpu.describe("ms", "") + ", peak RSS "
                    + rss.describe("MiB", against(rss.median(), targets.processRssMib(), "MiB"));
        }
        out.printf(Locale.ROOT, "%s as %d processes (%s), medians (min-max): wall %s, %s%n", drill, processes,
                launch.describe(args), wall.describe("ms", against(wall.median(), targets.processWallMillis(), "ms")),
                rest);
        return passed;
    }

    private static void census(Census.Counts c, PrintWriter out, ObjectNode node) {
        out.printf(Locale.ROOT, "unavoidable events: %,d writes, %,d snapshots created, %,d SnapMirror transfers"
                        + " (%,d bytes), %,d archive objects written, %,d reconciles that wrote something;"
                        + " all work: reconciles %,d of which %,d wrote something, port calls %,d of which %,d"
                        + " writes, %,d trace entries (one more run, counted, trace %s)%n",
                c.writes(), c.snapshotsCreated(), c.transfers(), c.bytesTransferred(), c.objectsWritten(),
                c.reconcilesThatWrote(), c.reconcileCount(), c.reconcilesThatWrote(), c.portCalls(), c.portWrites(),
                c.traceEntries(), c.result().measures().traceHash().substring(0, 12));
        node.put("writes", c.writes()).put("snapshotsCreated", c.snapshotsCreated()).put("transfers", c.transfers())
                .put("bytesTransferred", c.bytesTransferred()).put("objectsWritten", c.objectsWritten())
                .put("reconciles", c.reconcileCount()).put("reconcilesThatWrote", c.reconcilesThatWrote())
                .put("portCalls", c.portCalls()).put("portWrites", c.portWrites())
                .put("traceEntries", c.traceEntries()).put("traceHash", c.result().measures().traceHash());
        ObjectNode kinds = node.putObject("reconcilesByKind");
        for (Map.Entry<String, long[]> k : c.reconciles().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            kinds.putObject(k.getKey()).put("reconciles", k.getValue()[0]).put("wrote", k.getValue()[1]);
        }
    }

    /** " (target under 3,000 ms: met)", " (target under 1,000 ms: missed, 2.50x)", or nothing without a target. */
    static String against(long value, long target, String unit) {
        if (target < 0) {
            return "";
        }
        return String.format(Locale.ROOT, " (target under %,d %s: %s)", target, unit,
                value < target ? "met" : String.format(Locale.ROOT, "missed, %.2fx", value / (double) target));
    }

    /** {@code target<Figure>} and {@code <figure>TargetMet}, when the drill has that target. */
    private static void target(ObjectNode node, String figure, long target, long value) {
        if (target >= 0) {
            node.put("target" + figure, target).put(Character.toLowerCase(figure.charAt(0)) + figure.substring(1)
                    + "TargetMet", value < target);
        }
    }

    private void writeJson(ObjectNode report) {
        try {
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + json, e);
        }
    }

    /** The median of the runs after the first (the first is mostly the JIT's warm-up). */
    static long medianAfterFirst(List<Long> values) {
        return Spread.of(values.size() > 1 ? values.subList(1, values.size()) : values).median();
    }

    private static String collectors() {
        return "collectors " + ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
    }
}
