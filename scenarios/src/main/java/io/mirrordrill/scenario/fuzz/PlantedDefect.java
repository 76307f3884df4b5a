package io.mirrordrill.scenario.fuzz;

import io.mirrordrill.engine.EnginePorts;

import java.util.function.UnaryOperator;

/**
 * One entry of the planted-defect catalogue ({@link PlantedBugs}): a realistic engine defect, planted by wrapping
 * the ports the engine gets, and where the harness catches it.
 *
 * @param name what {@code --planted-bug} takes
 * @param workflow the workflow it breaks (set up, failover, resync, ...)
 * @param symptom what the engine does wrong, as a real bug would look
 * @param caughtBy the built-in drill (its name) or {@code fuzz seed N} that fails with it planted and passes without
 * @param names what the failure message must name: the invariant id (or the drill expectation) that breaks
 * @param plant wraps the ports of each engine
 */
public record PlantedDefect(String name, String workflow, String symptom, String caughtBy, String names,
                            UnaryOperator<EnginePorts> plant) {
    /** The fuzz seed that catches it, or -1 when a built-in drill does. */
    public long fuzzSeed() {
        return caughtBy.startsWith("fuzz seed ") ? Long.parseLong(caughtBy.substring(10)) : -1;
    }
}
