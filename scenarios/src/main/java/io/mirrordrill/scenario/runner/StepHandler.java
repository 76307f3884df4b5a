package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Step;

/** What one type of step does; it gets what it needs when it is made, and throws {@link StepFailure} to fail. */
@FunctionalInterface
interface StepHandler<S extends Step> {
    void handle(S step);
}
