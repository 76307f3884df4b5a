package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.Failure;

/** Runs drills on freshly built simulated worlds. */
public final class DrillRunner {
    private DrillRunner() {
    }

    /** One run: builds the world, runs every step with the invariants after each, evaluates the expectations. */
    public static DrillResult run(Drill drill, RunOptions options) {
        return new DrillRun(drill, options).execute();
    }

    /**
     * Two runs with the same seed; the second must give the same trace hash (same seed, same trace). The first run's
     * result is returned, failed on the {@code same-seed-same-trace} invariant if the hashes differ.
     */
    public static DrillResult runAndReplay(Drill drill, RunOptions options) {
        DrillResult first = run(drill, options);
        DrillResult second = run(drill, options.withProgress((d, t, s) -> { }));
        if (first.measures().traceHash().equals(second.measures().traceHash())) {
            return first;
        }
        Failure f = new Failure("invariant", drill.file().toString(), "", "same-seed-same-trace: a replay with seed "
                + first.seed() + " gave another trace", "first " + first.measures().traceHash() + ", replay "
                + second.measures().traceHash());
        return new DrillResult(first.name(), first.description(), first.file(), first.seed(), false, f,
                first.measures(), first.steps(), first.expectations(), first.invariants(), first.invariantChecks(),
                first.notes(), first.timeline(), first.commands());
    }
}
