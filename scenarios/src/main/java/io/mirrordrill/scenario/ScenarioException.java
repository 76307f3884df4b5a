package io.mirrordrill.scenario;

import io.mirrordrill.port.MirrordrillException;

/**
 * The root of what the scenarios module throws when a drill cannot go on (bad input is an
 * {@link io.mirrordrill.scenario.drill.DrillInputException}, an engine-side problem keeps its engine type).
 */
public class ScenarioException extends MirrordrillException {
    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
