package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.Units;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.ExpectationResult;
import io.mirrordrill.scenario.report.Failure;
import io.mirrordrill.scenario.report.Measurements;
import io.mirrordrill.scenario.report.StepResult;
import io.mirrordrill.scenario.report.Timeline;
import io.mirrordrill.scenario.workload.Ledger;
import io.mirrordrill.scenario.workload.Writer;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a finished run into its {@link DrillResult}: the measurements and the timeline. */
final class ResultBuilder {
    private final Drill drill;
    private final World world;
    private final Instant begin;
    private final Invariants invariants;
    private final Measures measures;
    private final TraceWatch trace;
    private final AmrWatch amrs;
    private final Workloads workloads;
    private final List<TraceWatch.Mark> faultMarks;

    ResultBuilder(Drill drill, World world, Instant begin, Invariants invariants, Measures measures,
                  TraceWatch trace, AmrWatch amrs, Workloads workloads, List<TraceWatch.Mark> faultMarks) {
        this.drill = drill;
        this.world = world;
        this.begin = begin;
        this.invariants = invariants;
        this.measures = measures;
        this.trace = trace;
        this.amrs = amrs;
        this.workloads = workloads;
        this.faultMarks = faultMarks;
    }

    DrillResult build(Failure failure, List<StepResult> steps, List<ExpectationResult> expected, Long lost,
                      long wallMillis) {
        List<String> notes = new ArrayList<>();
        notes.add("invariants checked after every step: " + invariants.checks() + " checkpoints");
        return new DrillResult(drill.name(), drill.description(), drill.file().toString(),
                world.seed(), failure == null, failure, measurements(lost, wallMillis), steps, expected,
                Invariants.IDS, invariants.checks(), notes, timeline(steps));
    }

    private Measurements measurements(Long lost, long wallMillis) {
        Optional<Measures.Recovery> r = measures.worst();
        List<TraceWatch.Transfer> transfers = trace.transfers();
        long bytes = transfers.stream().filter(t -> "success".equals(t.outcome())).mapToLong(TraceWatch.Transfer::bytes)
                .sum();
        int failed = (int) transfers.stream().filter(t -> "failed".equals(t.outcome())).count();
        Duration simulated = Duration.between(begin, world.now());
        long accepted = workloads.ledger().accepted();
        long refused = workloads.all().stream().mapToLong(Writer::refused).sum();
        return new Measurements(measures.startedBy(), r.map(m -> m.rto().toMillis()).orElse(null),
                r.map(m -> Units.format(m.rto())).orElse(null), r.map(m -> m.rpo().toMillis()).orElse(null),
                r.map(m -> Units.format(m.rpo())).orElse(null), r.map(Measures.Recovery::rpoRecords).orElse(null),
                lost, accepted, refused, bytes, transfers.size(), failed, simulated.toMillis(),
                Units.format(simulated), wallMillis, world.trace().hash(),
                world.trace().size(), world.eventsRun());
    }

    private Timeline timeline(List<StepResult> steps) {
        long end = millis(world.now());
        List<Timeline.Lane> lanes = new ArrayList<>();
        lanes.add(new Timeline.Lane("steps", steps.stream().filter(s -> s.depth() == 0).map(s -> new Timeline.Item(
                s.startMillis(), s.endMillis(), s.path() + ": " + s.description(), s.outcome())).toList()));
        lanes.add(new Timeline.Lane("procedure steps", steps.stream().filter(s -> s.depth() > 0).map(s ->
                new Timeline.Item(s.startMillis(), s.endMillis(), s.path() + ": " + s.description(), s.outcome()))
                .toList()));
        lanes.add(new Timeline.Lane("faults", faultMarks.stream().map(m -> new Timeline.Item(millis(m.time()),
                millis(m.time()), m.text(), "fault")).toList()));
        lanes.add(new Timeline.Lane("transfers", trace.transfers().stream().map(t -> new Timeline.Item(
                millis(t.start()), t.end() == null ? end : millis(t.end()), t.type() + " " + t.bytes()
                + " B " + (t.outcome() == null ? "running" : t.outcome()), "transfer-" + (t.outcome() == null
                ? "running" : t.outcome()))).toList()));
        for (AmrWatch.History h : amrs.histories()) {
            List<Timeline.Item> items = new ArrayList<>();
            for (int i = 0; i < h.states.size(); i++) {
                long from = millis(h.states.get(i).time());
                long to = i + 1 < h.states.size() ? millis(h.states.get(i + 1).time()) : end;
                items.add(new Timeline.Item(from, to, h.states.get(i).state(), "state-" + h.states.get(i).state()));
            }
            lanes.add(new Timeline.Lane("AMR " + h.cluster + "/" + h.namespace + "/" + h.name, items));
        }
        for (Writer w : workloads.all()) {
            if (w.spec() == null) {
                continue;
            }
            lanes.add(new Timeline.Lane("workload " + w.name(), writes(w)));
        }
        return new Timeline(end, lanes);
    }

    private long millis(Instant t) {
        return Duration.between(begin, t).toMillis();
    }

    /** Spans of accepted writes per location, joined while the gaps stay under two batches. */
    private List<Timeline.Item> writes(Writer w) {
        List<Timeline.Item> items = new ArrayList<>();
        long gap = 2 * w.spec().batch().toMillis();
        Instant spanStart = null;
        Instant last = null;
        String where = null;
        for (Ledger.Run r : workloads.ledger().runs(w.name())) {
            String here = r.location().describe();
            if (spanStart != null && (!here.equals(where) || millis(r.time()) - millis(last) > gap)) {
                items.add(new Timeline.Item(millis(spanStart), millis(last), "writes on " + where, "writes"));
                spanStart = null;
            }
            if (spanStart == null) {
                spanStart = r.time();
                where = here;
            }
            last = r.time();
        }
        if (spanStart != null) {
            items.add(new Timeline.Item(millis(spanStart), millis(last), "writes on " + where, "writes"));
        }
        return items;
    }
}
