package io.mirrordrill.scenario.runner;

import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.model.schedule.RecurrenceRule;
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

import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.model.schedule.RecurrenceRule;

import java.nio.file.Path;
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
        // the invariant checkpoints are a field of their own: a note repeating them printed them twice
        List<String> notes = new ArrayList<>();
        return new DrillResult(drill.name(), drill.description(), shown(drill.file()),
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
                world.trace().size(), world.eventsRun(), refusals());
    }

    /** A drill under the working directory by its relative path: a report names no home or install directory. */
    static String shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        if (!file.getFileSystem().equals(here.getFileSystem())) {
            return "built-in " + file.getFileName();  // inside the CLI's jar
        }
        if (file.isAbsolute() && file.startsWith(here)) {
            return here.relativize(file).toString();
        }
        return file.toString();
    }

    private List<Measurements.Refused> refusals() {
        List<Measurements.Refused> out = new ArrayList<>();
        for (Writer w : workloads.all()) {
            for (Writer.Refusal r : w.refusals()) {
                out.add(new Measurements.Refused(w.name(), r.reason(), millis(r.from()), millis(r.to()), r.writes()));
            }
        }
        return out;
    }

    /** The disaster (or failover request), and the RPO and RTO windows around it, when a failover was measured. */
    private List<Timeline.Window> windows() {
        Optional<Instant> start = measures.startedAt();
        if (start.isEmpty()) {
            return List.of();
        }
        long at = millis(start.get());
        List<Timeline.Window> out = new ArrayList<>();
        out.add(new Timeline.Window("start", at, at, measures.startedBy()));
        measures.worst().ifPresent(r -> {
            out.add(new Timeline.Window("rpo", at - r.rpo().toMillis(), at, "RPO " + Units.format(r.rpo()) + ": "
                    + r.rpoRecords() + " records lost"));
            out.add(new Timeline.Window("rto", at, at + r.rto().toMillis(), "RTO " + Units.format(r.rto())
                    + ": no write accepted"));
        });
        return out;
    }

    /** Per relationship that replicated: the age of the newest replicated snapshot, from its archive's time. */
    private List<Timeline.Lag> lags(long end) {
        List<Timeline.Lag> out = new ArrayList<>();
        for (AmrWatch.History h : amrs.histories()) {
            List<Timeline.Replica> replicas = new ArrayList<>();
            for (int i = 0; i < h.replicated.size(); i++) {
                AmrWatch.Replicated r = h.replicated.get(i);
                Optional<Instant> taken = takenAt(r.snapshot());
                if (taken.isEmpty()) {
                    continue;
                }
                long until = i + 1 < h.replicated.size() ? millis(h.replicated.get(i + 1).time()) : end;
                for (AmrWatch.Seen seen : h.states) {
                    if (seen.time().isAfter(r.time()) && !seen.state().equals("Established")) {
                        until = Math.min(until, millis(seen.time()));
                        break;
                    }
                }
                replicas.add(new Timeline.Replica(millis(r.time()), millis(taken.get()), until, r.bytes(),
                        r.snapshot()));
            }
            if (!replicas.isEmpty()) {
                out.add(new Timeline.Lag(relationship(h), interval(h.recurrenceRule),
                        replicas));
            }
        }
        return out;
    }

    /** cluster/namespace/name; a re-created relationship of the same name is another one, told apart by its uid. */
    private String relationship(AmrWatch.History h) {
        String name = h.cluster + "/" + h.namespace + "/" + h.name;
        boolean again = amrs.histories().stream().filter(o -> (o.cluster + "/" + o.namespace + "/" + o.name)
                .equals(name)).count() > 1;
        return again ? name + " uid " + h.uid : name;
    }

    private static Optional<Instant> takenAt(String basename) {
        try {
            return Optional.of(ArchivePath.fromBasename("app", "uid", basename, "lastTransferredSnapshot").createdAt());
        } catch (RuntimeException notAnArchive) {
            return Optional.empty();
        }
    }

    /** The time between two occurrences of the relationship's rule; 0 when it has none that parses. */
    private long interval(String rule) {
        try {
            RecurrenceRule r = RecurrenceRule.parse(rule);
            Instant first = r.next(begin);
            return Duration.between(first, r.next(first)).toMillis();
        } catch (RuntimeException noRule) {
            return 0;
        }
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
            lanes.add(new Timeline.Lane("AMR " + relationship(h), items));
        }
        for (Writer w : workloads.all()) {
            if (w.spec() == null) {
                continue;
            }
            List<Timeline.Item> items = new ArrayList<>(writes(w));
            for (Writer.Refusal r : w.refusals()) {
                items.add(new Timeline.Item(millis(r.from()), millis(r.to()), r.writes() + " writes refused: "
                        + r.reason(), "refused"));
            }
            lanes.add(new Timeline.Lane("workload " + w.name(), items));
        }
        return new Timeline(end, lanes, begin.toString(), windows(), lags(end));
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
