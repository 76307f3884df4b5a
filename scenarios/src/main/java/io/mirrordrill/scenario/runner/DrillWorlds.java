package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.report.DrillResult;

/**
 * A drill's world for other uses than a drill run (serve mode): built exactly as {@link DrillRunner#run} builds it
 * (same seed rule, sites, ONTAP, peers, buckets, credentials, Kubernetes clusters with Trident and an engine each),
 * either as it stands before the first step or after every step has run.
 */
public final class DrillWorlds {
    private DrillWorlds() {
    }

    /** The estate after running the drill's steps, and the run's result (which may have failed). */
    public record AfterSteps(Estate estate, DrillResult result) {}

    /** The world of {@code drill} before any step, with the seed {@code options} give, else the drill's own. */
    public static Estate build(Drill drill, RunOptions options) {
        long seed = options.seed() != null ? options.seed() : drill.seed();
        return Estate.build(drill.world(), seed, options);
    }

    /**
     * Runs the drill as {@code drill run} does (steps, invariants after each, expectations), and keeps its world:
     * the state the last step left, with workloads stopped. A failed step ends the run there, as in a drill run.
     */
    public static AfterSteps runSteps(Drill drill, RunOptions options) {
        DrillRun run = new DrillRun(drill, options);
        DrillResult result = run.execute();
        return new AfterSteps(run.estate, result);
    }
}
