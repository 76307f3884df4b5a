package io.mirrordrill.scenario.report;

import java.util.List;

/** Everything a drill run produced; reports are written from it. Deterministic but for {@code wallMillis}. */
public record DrillResult(String name, String description, String file, long seed, boolean passed, Failure failure,
                          Measurements measures, List<StepResult> steps, List<ExpectationResult> expectations,
                          List<String> invariants, int invariantChecks, List<String> notes, Timeline timeline,
                          List<CommandRun> commands) {
    public DrillResult {
        commands = List.copyOf(commands);
        steps = List.copyOf(steps);
        expectations = List.copyOf(expectations);
        invariants = List.copyOf(invariants);
        notes = List.copyOf(notes);
    }

    /** A result without runbook commands (a drill without {@code sh} steps). */
    public DrillResult(String name, String description, String file, long seed, boolean passed, Failure failure,
                       Measurements measures, List<StepResult> steps, List<ExpectationResult> expectations,
                       List<String> invariants, int invariantChecks, List<String> notes, Timeline timeline) {
        this(name, description, file, seed, passed, failure, measures, steps, expectations, invariants,
                invariantChecks, notes, timeline, List.of());
    }

    /** The same result with wall-clock time zeroed: two runs with one seed give equal values. */
    public DrillResult withoutWallClock() {
        return new DrillResult(name, description, file, seed, passed, failure, measures.withoutWallClock(), steps,
                expectations, invariants, invariantChecks, notes, timeline, commands);
    }

    /** The same result with the runbook commands that ran. */
    public DrillResult withCommands(List<CommandRun> ran) {
        return new DrillResult(name, description, file, seed, passed, failure, measures, steps, expectations,
                invariants, invariantChecks, notes, timeline, ran);
    }
}
