package io.mirrordrill.scenario.runner;

import io.mirrordrill.port.MirrordrillException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.scenario.report.StepResult;
import io.mirrordrill.scenario.secret.Redactor;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs steps one by one on the estate, each by the handler of its type, checks the invariants after each, and
 * records what each did. A step that cannot be done or an invariant broken ends the run with a {@link StepFailure}
 * or an {@link InvariantBroken}.
 */
final class StepRunner {
    /** An invariant found broken after a step. */
    static final class InvariantBroken extends io.mirrordrill.scenario.ScenarioException {
        final Invariant.Violation violation;

        InvariantBroken(Invariant.Violation v) {
            super(v.invariant() + ": " + v.message());
            this.violation = v;
        }
    }

    private final World world;
    private final Vars vars;
    private final Instant begin;
    private final Invariants invariants;
    /** Violations seen between steps (at a relationship's state change), reported after the step. */
    private final List<Invariant.Violation> pending;
    private final StepHandlers handlers;
    /** The drill's own trace lines are output too: a step's line may hold a secret a variable was given. */
    private final Redactor redactor;
    private final List<StepResult> results = new ArrayList<>();
    /** How deep in procedures the step running now is. */
    private int depth;

    /** {@code handlers}: made from how a step runs the steps it holds (a procedure's), one level deeper. */
    StepRunner(World world, Vars vars, Instant begin, Invariants invariants, List<Invariant.Violation> pending,
               Redactor redactor, Function<Consumer<Step>, StepHandlers> handlers) {
        this.world = world;
        this.redactor = redactor;
        this.vars = vars;
        this.begin = begin;
        this.invariants = invariants;
        this.pending = pending;
        this.handlers = handlers.apply(this::runNested);
    }

    List<StepResult> results() {
        return results;
    }

    void run(Step step) {
        Instant start = world.now();
        world.record("drill", redactor.redact("step " + step.at().path() + ": " + describe(step)));
        int index = results.size();
        results.add(result(step, start, start, "running", ""));
        try {
            handlers.handle(step);
        } catch (StepFailure e) {
            StepFailure told = meanwhile(e);
            results.set(index, result(step, start, world.now(), "failed", told.getMessage()));
            throw told;
        } catch (InvariantBroken e) {
            results.set(index, result(step, start, world.now(), "failed", e.getMessage()));
            throw e;
        } catch (MirrordrillException | java.io.UncheckedIOException e) {
            results.set(index, result(step, start, world.now(), "failed", e.getMessage()));
            throw new StepFailure(step.describe() + " failed: " + e.getMessage(), e.getClass().getSimpleName());
        }
        results.set(index, result(step, start, world.now(), "ok", ""));
        List<Invariant.Violation> broken = invariants.check();
        broken.addAll(pending);
        if (!broken.isEmpty()) {
            results.set(index, result(step, start, world.now(), "failed", broken.get(0).message()));
            throw new InvariantBroken(together(broken));
        }
    }

    /** The first rule broken, its evidence followed by every other rule broken at the same step. */
    private static Invariant.Violation together(List<Invariant.Violation> broken) {
        Invariant.Violation first = broken.get(0);
        StringBuilder evidence = new StringBuilder(first.evidence());
        for (Invariant.Violation v : broken.subList(1, broken.size())) {
            evidence.append("; also broken: ").append(v.invariant()).append(": ").append(v.message()).append(" (")
                    .append(v.evidence()).append(")");
        }
        return new Invariant.Violation(first.invariant(), first.message(), evidence.toString());
    }

    /**
     * A step that timed out, told together with what the invariants saw meanwhile (a rule broken, what ONTAP
     * refused): a timeout alone sends people hunting.
     */
    private StepFailure meanwhile(StepFailure e) {
        if (!e.getMessage().startsWith("timed out") || e.getMessage().contains("; meanwhile: ")) {
            return e;
        }
        List<String> seen = new ArrayList<>();
        List<Invariant.Violation> broken = invariants.check();
        broken.addAll(pending);
        broken.forEach(v -> seen.add(v.invariant() + ": " + v.message() + " (" + v.evidence() + ")"));
        invariants.observations().forEach(o -> seen.add("ONTAP: " + o));
        return seen.isEmpty() ? e : new StepFailure(e.getMessage() + "; meanwhile: " + String.join("; ", seen),
                e.evidence());
    }

    private void runNested(Step step) {
        depth++;
        try {
            run(step);
        } finally {
            depth--;
        }
    }

    private StepResult result(Step step, Instant start, Instant end, String outcome, String message) {
        return new StepResult(step.at().source(), step.at().path(), step.at().line(), depth, describe(step),
                millis(start), millis(end), outcome, message);
    }

    private long millis(Instant t) {
        return Duration.between(begin, t).toMillis();
    }

    /** The step's line with its variables filled in where they are known. */
    private String describe(Step step) {
        try {
            return vars.renderVariables(step.describe());
        } catch (RuntimeException unknown) {
            return step.describe();
        }
    }
}
