package io.mirrordrill.scenario.report;

import java.util.List;

/** Everything a drill run produced; reports are written from it. Deterministic but for {@code wallMillis}. */
public record DrillResult(String name, String description, String file, long seed, boolean passed, Failure failure,
                          Measurements measures, List<StepResult> steps, List<ExpectationResult> expectations,
                          List<String> invariants, int invariantChecks, List<String> notes, Timeline timeline) {
    public DrillResult {
        steps = List.copyOf(steps);
        expectations = List.copyOf(expectations);
        invariants = List.copyOf(invariants);
        notes = List.copyOf(notes);
    }

    /** The same result with wall-clock time zeroed: two runs with one seed give equal values. */
    public DrillResult withoutWallClock() {
        return new DrillResult(name, description, file, seed, passed, failure, measures.withoutWallClock(), steps,
                expectations, invariants, invariantChecks, notes, timeline);
    }
}
