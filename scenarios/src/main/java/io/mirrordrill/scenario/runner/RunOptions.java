package io.mirrordrill.scenario.runner;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.scenario.report.Output;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * How to run a drill.
 *
 * @param seed overrides the drill's seed when not null
 * @param enginePorts per cluster name, a wrapper of the ports its protect engine gets (identity for the real
 *     engine; a planted defect in tests of the fuzzer)
 * @param wallNanos a monotonic wall clock for the report's wall time (the CLI passes {@code System::nanoTime});
 *     simulated code never reads it
 * @param progress told after every top-level step
 * @param withoutEngine the Kubernetes clusters that run no protect engine (a controller outside the world takes
 *     their place: {@code serve --no-engine})
 * @param outputs what {@code no-secret-in-output} renders the redacted result into and reads back at the end
 */
public record RunOptions(Long seed, Function<String, UnaryOperator<EnginePorts>> enginePorts, LongSupplier wallNanos,
                         Progress progress, Set<String> withoutEngine, List<Output> outputs) {

    public RunOptions {
        withoutEngine = Set.copyOf(new TreeSet<>(withoutEngine));
        outputs = List.copyOf(outputs);
    }

    public RunOptions(Long seed, Function<String, UnaryOperator<EnginePorts>> enginePorts, LongSupplier wallNanos,
                      Progress progress, Set<String> withoutEngine) {
        this(seed, enginePorts, wallNanos, progress, withoutEngine, Output.STANDARD);
    }

    public RunOptions(Long seed, Function<String, UnaryOperator<EnginePorts>> enginePorts, LongSupplier wallNanos,
                      Progress progress) {
        this(seed, enginePorts, wallNanos, progress, Set.of());
    }

    /** Told how far a run is: steps done of all, and the simulated time so far. */
    public interface Progress {
        void step(int done, int total, String description);
    }

    public static RunOptions defaults() {
        return new RunOptions(null, cluster -> UnaryOperator.identity(), () -> 0L, (d, t, s) -> { });
    }

    public RunOptions withSeed(Long newSeed) {
        return new RunOptions(newSeed, enginePorts, wallNanos, progress, withoutEngine, outputs);
    }

    public RunOptions withWallClock(LongSupplier clock) {
        return new RunOptions(seed, enginePorts, clock, progress, withoutEngine, outputs);
    }

    public RunOptions withProgress(Progress listener) {
        return new RunOptions(seed, enginePorts, wallNanos, listener, withoutEngine, outputs);
    }

    public RunOptions withEnginePorts(Function<String, UnaryOperator<EnginePorts>> wrapper) {
        return new RunOptions(seed, wrapper, wallNanos, progress, withoutEngine, outputs);
    }

    /** The same, the named Kubernetes clusters running no protect engine. */
    public RunOptions withoutEngine(Set<String> clusters) {
        return new RunOptions(seed, enginePorts, wallNanos, progress, clusters, outputs);
    }

    /** The same, {@code no-secret-in-output} reading these renderings back instead of {@link Output#STANDARD}. */
    public RunOptions withOutputs(List<Output> rendered) {
        return new RunOptions(seed, enginePorts, wallNanos, progress, withoutEngine, rendered);
    }
}
