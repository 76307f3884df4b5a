package io.mirrordrill.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Runs the storage benchmarks and prints each result as a ratio to the smallest case of the same run, which is what
 * the performance claims are about: {@code java -cp benchmarks/target/benchmarks.jar io.mirrordrill.bench.BenchmarkReport}.
 */
public final class BenchmarkReport {
    private BenchmarkReport() {}

    public static void main(String[] args) throws RunnerException {
        report("Snapshot (write 1 block + snapshot) by logical size", SnapshotBenchmark.class, "logicalSize", "ns");
        report("Diff between snapshots of a 1 TiB volume by changed blocks", DiffBenchmark.class, "changedBlocks", "us");
    }

    private static void report(String title, Class<?> benchmark, String param, String unit) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(benchmark.getName()).build()).run();
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> Long.compare(Long.parseLong(a.getParams().getParam(param)),
                Long.parseLong(b.getParams().getParam(param))));
        double base = sorted.get(0).getPrimaryResult().getScore();
        long baseParam = Long.parseLong(sorted.get(0).getParams().getParam(param));
        System.out.println();
        System.out.println(title);
        System.out.printf(Locale.ROOT, "%16s %14s %10s %14s%n", param, "score (" + unit + ")", "ratio", "param ratio");
        for (RunResult r : sorted) {
            long p = Long.parseLong(r.getParams().getParam(param));
            double score = r.getPrimaryResult().getScore();
            System.out.printf(Locale.ROOT, "%16d %14.2f %10.2f %14.0f%n", p, score, score / base, (double) p / baseParam);
        }
    }
}
