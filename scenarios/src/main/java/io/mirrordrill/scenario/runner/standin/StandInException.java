package io.mirrordrill.scenario.runner.standin;

import io.mirrordrill.scenario.ScenarioException;

/** A stand-in controller cannot go on (the resource it works for is wrong, or its data is gone). */
final class StandInException extends ScenarioException {
    StandInException(String message) {
        super(message);
    }
}
