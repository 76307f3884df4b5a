package io.mirrordrill.cli;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.runner.DrillRunner;
import io.mirrordrill.scenario.runner.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code mirrordrill drill bench}: the day-in-the-life drill's wall time, its simulated/wall ratio and the heap it
 * used, against the targets (under 3 s wall, heap under 512 MiB on a 2-core machine). The first runs include the
 * JIT's warm-up, so the summary gives the best run and the median of the runs after the first, and names the
 * collector (the launcher picks the throughput one, see {@code ./mirrordrill}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark a drill (default: day-in-the-life): wall time, simulated/wall ratio, peak heap.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the drill passed", "1:the drill failed", "2:bad input or usage"})
final class BenchCommand implements Callable<Integer> {
    static final long TARGET_WALL_MILLIS = 3000;
    static final long TARGET_HEAP_MIB = 512;
    static final int MAX_RUNS = 1000;
    /** The simulation is one thread: its CPU time shows what a busy machine's wall time hides. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Spec
    CommandSpec spec;

    @Option(names = "--drill", paramLabel = "<file|name>", defaultValue = "day-in-the-life",
            description = "The drill to time (default: ${DEFAULT-VALUE}).")
    String drill;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Runs in this JVM, 1 to " + BenchCommand.MAX_RUNS + "; the first ones warm the JIT up"
                    + " (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (runs < 1 || runs > MAX_RUNS) {
            throw BadInput.of("--runs", "--runs " + runs + (runs < 1 ? " times nothing" : " is more than " + MAX_RUNS),
                    "give 1 to " + MAX_RUNS + ", e.g. --runs 5");
        }
        List<Drill> loaded = Drills.load(List.of(drill));
        if (loaded.size() != 1) {
            throw BadInput.of("--drill", "\"" + drill + "\" names " + loaded.size() + " drills", "give one drill"
                    + " file or built-in name, e.g. --drill day-in-the-life");
        }
        Drill d = loaded.get(0);
        long best = Long.MAX_VALUE;
        List<Long> walls = new ArrayList<>();
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
                best = Math.min(best, wall);
                walls.add(wall);
                live = heap.measured() ? Math.max(live, heap.peakMib()) : live;
                out.printf(Locale.ROOT, "run %d: %s %d ms wall (%d ms on the simulation's CPU), %s simulated, ratio"
                                + " %.0fx, live heap peak %s%n", i, last.passed() ? "pass" : "FAIL", wall, cpu,
                        last.measures().simulated(), last.measures().simulatedMillis() / (double) Math.max(1, wall),
                        heap.measured() ? heap.peakMib() + " MiB (after each GC)" : "unknown (no GC ran during the run)");
                out.flush();
            }
        }
        double ratio = last.measures().simulatedMillis() / (double) Math.max(1, best);
        out.printf(Locale.ROOT, "%s: best %d ms wall (target under %d ms: %s), median after warm-up %d ms,"
                        + " simulated/wall %.0fx, live heap %s (target under %d MiB: %s; max heap %d MiB),"
                        + " %d writes, %d bytes transferred in %d transfers, %d cores, %s%n", d.name(), best,
                TARGET_WALL_MILLIS, best < TARGET_WALL_MILLIS ? "met" : "missed", medianAfterFirst(walls), ratio,
                live < 0 ? "unknown (no GC ran)" : live + " MiB", TARGET_HEAP_MIB,
                live < 0 ? "not measured" : live < TARGET_HEAP_MIB ? "met" : "missed", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                last.measures().writesAccepted(), last.measures().bytesTransferred(), last.measures().transfers(),
                Runtime.getRuntime().availableProcessors(), collectors());
        return last.passed() ? Main.PASSED : Main.FAILED;
    }

    /** The median wall time of the runs after the first (the first is mostly the JIT's warm-up). */
    static long medianAfterFirst(List<Long> walls) {
        List<Long> steady = new ArrayList<>(walls.size() > 1 ? walls.subList(1, walls.size()) : walls);
        Collections.sort(steady);
        int n = steady.size();
        return n % 2 == 1 ? steady.get(n / 2) : (steady.get(n / 2 - 1) + steady.get(n / 2)) / 2;
    }

    private static String collectors() {
        return "collectors " + ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
    }
}
