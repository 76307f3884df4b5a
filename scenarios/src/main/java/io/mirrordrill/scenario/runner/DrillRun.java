package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.ExpectationResult;
import io.mirrordrill.scenario.report.Failure;
import io.mirrordrill.scenario.report.StepResult;
import io.mirrordrill.scenario.workload.Writer;
import io.mirrordrill.sim.World;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One run of one drill: the estate, what watches it, and the parts the steps and checks share. */
final class DrillRun {
    private final Drill drill;
    private final RunOptions options;
    final Estate estate;
    private final Instant begin;
    private final Vars vars;
    private final Operator operator;
    private final Conditions conditions;
    private final Workloads workloads;
    private final Measures measures;
    private final TraceWatch trace;
    private final AmrWatch amrs;
    private final Checkpoint checkpoint;
    private final Invariants invariants;
    private final List<Invariant.Violation> pendingViolations = new ArrayList<>();
    private final List<TraceWatch.Mark> faultMarks = new ArrayList<>();
    /** Runbook steps: the servers they need start at the first one. */
    private final ShSteps commands;

    DrillRun(Drill drill, RunOptions options) {
        this.drill = drill;
        this.options = options;
        long seed = options.seed() != null ? options.seed() : drill.seed();
        this.estate = Estate.build(drill.world(), seed, options);
        this.begin = estate.world().now();
        this.vars = new Vars(estate, drill.vars());
        Promotions promotions = new Promotions();
        this.operator = new Operator(estate, vars, promotions);
        this.conditions = new Conditions(estate, vars);
        this.workloads = new Workloads(estate.world());
        this.measures = new Measures(estate.world(), workloads);
        this.trace = new TraceWatch(estate);
        this.amrs = new AmrWatch(estate);
        this.checkpoint = new Checkpoint(estate, workloads.ledger(), trace, amrs, promotions,
                new VolumeReader(estate, drill.world()));
        this.invariants = new Invariants(checkpoint);
        this.commands = new ShSteps(estate, operator, vars, begin, System.getenv("PATH"), checkpoint.shutdowns);
        promotions.onRequest(r -> measures.start(r.time(), estate.world().trace().size(), "failover request "
                + r.key()));
        amrs.onChange(h -> {
            if (h.current().equals("Established") && pendingViolations.isEmpty()) {
                pendingViolations.addAll(invariants.checkDestinations());
            }
        });
    }

    /**
     * A handler for every type of step, each given only what it uses; {@code nested} runs a procedure's steps one
     * level deeper.
     */
    StepHandlers handlers(Consumer<Step> nested) {
        World world = estate.world();
        ResourceSteps resources = new ResourceSteps(operator, world, vars, checkpoint.shutdowns);
        WorkloadSteps writers = new WorkloadSteps(estate, workloads, measures);
        ConditionSteps waits = new ConditionSteps(world, conditions, vars);
        FaultSteps faults = new FaultSteps(estate, faultMarks, measures, workloads);
        StorageSteps storage = new StorageSteps(estate, measures, vars);
        TridentSteps trident = new TridentSteps(estate, measures);
        HostSteps host = new HostSteps(estate, drill.world(), vars, checkpoint.storage, measures);
        Map<String, List<Step>> procedures = drill.procedures();
        return StepHandlers.builder()
                .on(Step.Apply.class, resources::apply)
                .on(Step.Delete.class, resources::delete)
                .on(Step.Patch.class, resources::patch)
                .on(Step.Snapshot.class, resources::snapshot)
                .on(Step.WorkloadStart.class, writers::start)
                .on(Step.WorkloadStop.class, writers::stop)
                .on(Step.Advance.class, a -> world.advance(a.duration()))
                .on(Step.Fault.class, faults::fault)
                .on(Step.Await.class, waits::await)
                .on(Step.Check.class, waits::check)
                .on(Step.Run.class, r -> procedures.get(r.procedure()).forEach(nested))
                .on(Step.SetVars.class, s -> s.values().forEach((k, v) -> vars.set(k, vars.render(v))))
                .on(Step.Sh.class, commands::sh)
                .on(Step.Ontap.class, storage::ontap)
                .on(Step.Tridentctl.class, trident::tridentctl)
                .on(Step.Mount.class, host::mount)
                .on(Step.Etcdctl.class, host::etcdctl)
                .on(Step.Kubeadm.class, host::kubeadm)
                .on(Step.Element.class, host::element)
                .on(Step.Corrupt.class, host::corrupt)
                .build();
    }

    /** The run's result, every string of it redacted; an exception escaping it is redacted too. */
    DrillResult execute() {
        try (commands) {
            return executeSteps();
        } catch (RuntimeException e) {
            throw estate.redactor().redact(e);
        }
    }

    private DrillResult executeSteps() {
        long wallStart = options.wallNanos().getAsLong();
        StepRunner steps = new StepRunner(estate.world(), vars, begin, invariants, pendingViolations,
                estate.redactor(), this::handlers);
        Failure failure = null;
        int done = 0;
        for (Step step : drill.steps()) {
            try {
                steps.run(step);
            } catch (StepFailure e) {
                failure = failure("step", steps.results(), e.getMessage(), e.evidence());
            } catch (StepRunner.InvariantBroken e) {
                failure = failure("invariant", steps.results(), e.getMessage(), e.violation.evidence());
            }
            options.progress().step(++done, drill.steps().size(), estate.redactor().redact(step.describe()));
            if (failure != null) {
                break;
            }
        }
        workloads.all().forEach(Writer::stop);
        Long lost = Losses.count(workloads, estate, checkpoint.volumes);
        List<ExpectationResult> expected = failure == null ? new Expectations(drill.expectations(), measures,
                conditions, checkpoint, lost).evaluate() : List.of();
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
        estate.learnClusterSecrets();
        DrillResult result = estate.redactor().redact(results().build(failure, steps.results(), expected, lost, wall)
                .withCommands(commands.runs()));
        List<String> leaks = failure == null ? SecretScan.leaks(estate, drill.world(), options.outputs(), result)
                : List.of();
        if (leaks.isEmpty()) {
            return result;
        }
        Failure leak = new Failure("invariant", drill.file().toString(), estate.world().now().toString(),
                "no-secret-in-output: a secret value appears in an output", String.join("; ", leaks));
        return estate.redactor().redact(results().build(leak, steps.results(), expected, lost, wall)
                .withCommands(commands.runs()));
    }

    private ResultBuilder results() {
        return new ResultBuilder(drill, estate.world(), begin, invariants, measures, trace, amrs, workloads,
                faultMarks);
    }

    /** Names the innermost step that failed (a step inside a procedure, when it is one). */
    private Failure failure(String kind, List<StepResult> results, String message, String evidence) {
        StepResult at = results.stream().filter(r -> r.outcome().equals("failed")).reduce((a, b) -> b)
                .orElse(results.get(results.size() - 1));
        return new Failure(kind, at.source() + ":" + at.line() + " (" + at.path() + ": " + at.description() + ")",
                estate.world().now().toString(), message, evidence);
    }
}
