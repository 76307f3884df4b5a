package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.sim.World;

/** Waiting for a condition, and checking one now. */
final class ConditionSteps {
    private final World world;
    private final Conditions conditions;
    private final Vars vars;

    ConditionSteps(World world, Conditions conditions, Vars vars) {
        this.world = world;
        this.conditions = conditions;
        this.vars = vars;
    }

    void await(Step.Await a) {
        if (!world.runUntil(() -> conditions.holds(a.condition()), a.within())) {
            throw new StepFailure("timed out after " + a.within() + " waiting for "
                    + vars.renderVariables(a.condition().describe()), conditions.evaluate(a.condition()).observed());
        }
    }

    void check(Step.Check c) {
        Conditions.Result r = conditions.evaluate(c.condition());
        if (!r.holds()) {
            throw new StepFailure("check failed: " + vars.renderVariables(c.condition().describe()), r.observed());
        }
    }
}
