package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.ExpectationResult;
import io.mirrordrill.scenario.report.Failure;
import io.mirrordrill.scenario.report.JsonReport;
import io.mirrordrill.scenario.report.StepResult;
import io.mirrordrill.scenario.workload.Ledger;
import io.mirrordrill.scenario.workload.Writer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One run of one drill: the estate, what watches it, and the parts the steps and checks share. */
final class DrillRun {
    final Drill drill;
    final RunOptions options;
    final Estate estate;
    final Instant begin;
    final Vars vars;
    final Promotions promotions = new Promotions();
    final Operator operator;
    final Conditions conditions;
    final Ledger ledger = new Ledger();
    final Map<String, Writer> writers = new TreeMap<>();
    final Measures measures;
    final TraceWatch trace;
    final AmrWatch amrs;
    final Checkpoint checkpoint;
    final Invariants invariants;
    final List<Invariant.Violation> pendingViolations = new ArrayList<>();
    final List<TraceWatch.Mark> faultMarks = new ArrayList<>();

    DrillRun(Drill drill, RunOptions options) {
        this.drill = drill;
        this.options = options;
        long seed = options.seed() != null ? options.seed() : drill.seed();
        this.estate = Estate.build(drill.world(), seed, options);
        this.begin = estate.world().now();
        this.vars = new Vars(estate, drill.vars());
        this.operator = new Operator(estate, vars, promotions);
        this.conditions = new Conditions(estate, vars);
        this.measures = new Measures(estate.world(), ledger, writers);
        this.trace = new TraceWatch(estate);
        this.amrs = new AmrWatch(estate);
        this.checkpoint = new Checkpoint(estate, ledger, trace, amrs, promotions,
                new VolumeReader(estate, drill.world()));
        this.invariants = new Invariants(checkpoint);
        promotions.onRequest(r -> measures.start(r.time(), estate.world().trace().size(), "failover request "
                + r.key()));
        amrs.onChange(h -> {
            if (h.current().equals("Established") && pendingViolations.isEmpty()) {
                pendingViolations.addAll(invariants.checkDestinations());
            }
        });
    }

    long millis(Instant t) {
        return Duration.between(begin, t).toMillis();
    }

    DrillResult execute() {
        long wallStart = options.wallNanos().getAsLong();
        StepRunner steps = new StepRunner(this);
        Failure failure = null;
        int done = 0;
        for (Step step : drill.steps()) {
            try {
                steps.run(step, 0);
            } catch (StepFailure e) {
                failure = failure("step", steps.results(), e.getMessage(), e.evidence());
            } catch (StepRunner.InvariantBroken e) {
                failure = failure("invariant", steps.results(), e.getMessage(), e.violation.evidence());
            }
            options.progress().step(++done, drill.steps().size(), step.describe());
            if (failure != null) {
                break;
            }
        }
        writers.values().forEach(Writer::stop);
        Long lost = Losses.count(this);
        List<ExpectationResult> expected = failure == null ? new Expectations(this, lost).evaluate() : List.of();
        List<ExpectationResult> unmet = expected.stream().filter(e -> !e.passed()).toList();
        if (failure == null && !unmet.isEmpty()) {
            ExpectationResult first = unmet.get(0);
            StringBuilder evidence = new StringBuilder("found " + first.actual());
            for (ExpectationResult e : unmet.subList(1, unmet.size())) {
                evidence.append("; also unmet at ").append(e.where()).append(": ").append(e.description())
                        .append(", found ").append(e.actual());
            }
            failure = new Failure("expectation", first.where(), estate.world().now().toString(),
                    "expected " + first.description() + (unmet.size() > 1 ? " (" + unmet.size() + " of "
                            + expected.size() + " expectations unmet)" : ""), evidence.toString());
        }
        long wall = (options.wallNanos().getAsLong() - wallStart) / 1_000_000;
        DrillResult result = new ResultBuilder(this).build(failure, steps.results(), expected, lost, wall);
        List<String> leaks = failure == null ? SecretScan.leaks(estate, drill.world(), JsonReport.of(result))
                : List.of();
        if (leaks.isEmpty()) {
            return result;
        }
        Failure leak = new Failure("invariant", drill.file().toString(), estate.world().now().toString(),
                "no-secret-in-output: a secret value appears in an output", String.join("; ", leaks));
        return new ResultBuilder(this).build(leak, steps.results(), expected, lost, wall);
    }

    /** Names the innermost step that failed (a step inside a procedure, when it is one). */
    private Failure failure(String kind, List<StepResult> results, String message, String evidence) {
        StepResult at = results.stream().filter(r -> r.outcome().equals("failed")).reduce((a, b) -> b)
                .orElse(results.get(results.size() - 1));
        return new Failure(kind, at.source() + ":" + at.line() + " (" + at.path() + ": " + at.description() + ")",
                estate.world().now().toString(), message, evidence);
    }
}
