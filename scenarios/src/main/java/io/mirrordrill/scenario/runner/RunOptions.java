package io.mirrordrill.scenario.runner;

import io.mirrordrill.engine.EnginePorts;

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
 */
public record RunOptions(Long seed, Function<String, UnaryOperator<EnginePorts>> enginePorts, LongSupplier wallNanos,
                         Progress progress) {

    /** Told how far a run is: steps done of all, and the simulated time so far. */
    public interface Progress {
        void step(int done, int total, String description);
    }

    public static RunOptions defaults() {
        return new RunOptions(null, cluster -> UnaryOperator.identity(), () -> 0L, (d, t, s) -> { });
    }

    public RunOptions withSeed(Long newSeed) {
        return new RunOptions(newSeed, enginePorts, wallNanos, progress);
    }

    public RunOptions withWallClock(LongSupplier clock) {
        return new RunOptions(seed, enginePorts, clock, progress);
    }

    public RunOptions withProgress(Progress listener) {
        return new RunOptions(seed, enginePorts, wallNanos, listener);
    }

    public RunOptions withEnginePorts(Function<String, UnaryOperator<EnginePorts>> wrapper) {
        return new RunOptions(seed, wrapper, wallNanos, progress);
    }
}
