package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.scenario.report.StepResult;
import io.mirrordrill.scenario.workload.Writer;
import io.mirrordrill.sim.Fault;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs steps one by one on the estate, checks the invariants after each, and records what each did. A step that
 * cannot be done or an invariant broken ends the run with a {@link StepFailure} or an {@link InvariantBroken}.
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

    private final DrillRun run;
    private final List<StepResult> results = new ArrayList<>();

    StepRunner(DrillRun run) {
        this.run = run;
    }

    List<StepResult> results() {
        return results;
    }

    void run(Step step, int depth) {
        World world = run.estate.world();
        Instant start = world.now();
        world.record("drill", "step " + step.at().path() + ": " + describe(step));
        int index = results.size();
        results.add(result(step, depth, start, start, "running", ""));
        try {
            execute(step, depth);
        } catch (StepFailure e) {
            results.set(index, result(step, depth, start, world.now(), "failed", e.getMessage()));
            throw e;
        } catch (InvariantBroken e) {
            results.set(index, result(step, depth, start, world.now(), "failed", e.getMessage()));
            throw e;
        } catch (MirrordrillException | java.io.UncheckedIOException e) {
            results.set(index, result(step, depth, start, world.now(), "failed", e.getMessage()));
            throw new StepFailure(step.describe() + " failed: " + e.getMessage(), e.getClass().getSimpleName());
        }
        results.set(index, result(step, depth, start, world.now(), "ok", ""));
        List<Invariant.Violation> broken = run.invariants.check();
        broken.addAll(run.pendingViolations);
        if (!broken.isEmpty()) {
            results.set(index, result(step, depth, start, world.now(), "failed", broken.get(0).message()));
            throw new InvariantBroken(broken.get(0));
        }
    }

    private StepResult result(Step step, int depth, Instant start, Instant end, String outcome, String message) {
        return new StepResult(step.at().source(), step.at().path(), step.at().line(), depth, describe(step),
                run.millis(start), run.millis(end), outcome, message);
    }

    /** The step's line with its variables filled in where they are known. */
    private String describe(Step step) {
        try {
            return run.vars.renderVariables(step.describe());
        } catch (RuntimeException unknown) {
            return step.describe();
        }
    }

    private void execute(Step step, int depth) {
        Drill drill = run.drill;
        if (step instanceof Step.Apply a) {
            a.files().forEach(f -> run.operator.apply(a.cluster(), f, a.namespace()));
        } else if (step instanceof Step.Delete d) {
            run.operator.delete(d.ref());
        } else if (step instanceof Step.Patch p) {
            run.operator.patch(p.ref(), p.merge());
        } else if (step instanceof Step.WorkloadStart w) {
            var cluster = run.estate.reachableCluster(w.workload().cluster());
            run.writers.computeIfAbsent(w.workload().name(), n -> new Writer(n, run.estate.world(), run.ledger,
                    run.measures)).start(w.workload(), cluster);
        } else if (step instanceof Step.WorkloadStop w) {
            Optional.ofNullable(run.writers.get(w.name())).ifPresent(Writer::stop);
        } else if (step instanceof Step.Advance a) {
            run.estate.world().advance(a.duration());
        } else if (step instanceof Step.Fault f) {
            fault(f);
        } else if (step instanceof Step.Snapshot s) {
            snapshot(s);
        } else if (step instanceof Step.Await a) {
            if (!run.estate.world().runUntil(() -> run.conditions.holds(a.condition()), a.within())) {
                throw new StepFailure("timed out after " + a.within() + " waiting for "
                        + run.vars.renderVariables(a.condition().describe()),
                        run.conditions.evaluate(a.condition()).observed());
            }
        } else if (step instanceof Step.Check c) {
            Conditions.Result r = run.conditions.evaluate(c.condition());
            if (!r.holds()) {
                throw new StepFailure("check failed: " + run.vars.renderVariables(c.condition().describe()),
                        r.observed());
            }
        } else if (step instanceof Step.Run r) {
            for (Step sub : drill.procedures().get(r.procedure())) {
                run(sub, depth + 1);
            }
        } else if (step instanceof Step.SetVars s) {
            s.values().forEach((k, v) -> run.vars.set(k, run.vars.render(v)));
        }
    }

    private void fault(Step.Fault f) {
        Fault fault = Faults.of(f.fault(), run.estate);
        Fault marked = new Fault() {
            public String describe() {
                return fault.describe();
            }

            public void apply(World world) {
                fault.apply(world);
                run.faultMarks.add(new TraceWatch.Mark(world.now(), f.fault().describe()));
                if (f.disaster()) {
                    run.measures.start(world.now(), world.trace().size(), "disaster: " + f.fault().describe());
                }
            }
        };
        if (f.after().isZero()) {
            marked.apply(run.estate.world());
        } else {
            run.estate.world().inject(f.after(), marked);
        }
    }

    private void snapshot(Step.Snapshot s) {
        List<Document> docs = run.operator.apply(s.cluster(), s.file(), s.namespace());
        Document doc = docs.get(0);
        String ns = doc.namespace() != null ? doc.namespace() : s.namespace();
        var ref = new io.mirrordrill.scenario.drill.Ref(s.cluster(), doc.apiVersion(), doc.kind(), ns, doc.name());
        boolean done = run.estate.world().runUntil(() -> run.operator.get(ref)
                .map(o -> o.path("status").path("state").asText("")).filter(st -> st.equals("Completed")
                        || st.equals("Failed")).isPresent(), s.within());
        JsonNode status = run.operator.get(ref).map(o -> o.path("status")).orElse(null);
        if (!done || !"Completed".equals(status.path("state").asText())) {
            throw new StepFailure(doc.kind() + " " + doc.name() + (done ? " failed" : " did not complete within "
                    + s.within()), "status " + status);
        }
        String path = status.path("appArchivePath").asText();
        String basename = path.substring(path.lastIndexOf('/') + 1);
        if (s.saveAs() != null) {
            run.vars.set(s.saveAs(), basename);
        }
        if (s.shutdown()) {
            run.checkpoint.shutdowns.add(basename);
        }
    }

    static Duration between(Instant a, Instant b) {
        return Duration.between(a, b);
    }
}
