package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.ScenarioException;

/** A step that could not be done: what, and what was seen. */
final class StepFailure extends ScenarioException {
    private final String evidence;

    StepFailure(String message, String evidence) {
        super(message);
        this.evidence = evidence;
    }

    String evidence() {
        return evidence;
    }
}
