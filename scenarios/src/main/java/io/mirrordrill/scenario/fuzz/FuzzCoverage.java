package io.mirrordrill.scenario.fuzz;

import io.mirrordrill.engine.amr.AmrLifecycle;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.StepResult;
import io.mirrordrill.scenario.report.Timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a campaign reached: the AppMirrorRelationship lifecycle rows ({@link AmrLifecycle}, as {@code from -> to}
 * state changes the drill's watches saw), the fault kinds injected and the workflows completed (with what the
 * application's shape made a promotion do: namespace merge, mapping, skip lists, hooks, claims, class mapping). An
 * operation counts when every one of its steps ran; a row counts when a relationship took it.
 */
public final class FuzzCoverage {
    /** One seed's reach, each list sorted. */
    public record Reach(List<String> rows, List<String> faults, List<String> workflows) {
        public static final Reach NONE = new Reach(List.of(), List.of(), List.of());

        public Reach {
            rows = List.copyOf(new TreeSet<>(rows));
            faults = List.copyOf(new TreeSet<>(faults));
            workflows = List.copyOf(new TreeSet<>(workflows));
        }
    }

    /** A promotion's effects that the application's shape brings. */
    static final String MERGE = "namespace merge";
    static final String MAPPING = "namespace mapping";
    static final String SKIP_LISTS = "namespace merge with skip lists";
    static final String HOOKS = "post-failover hooks";
    static final String CLAIMS = "several claims";
    static final String CLASS_MAPPING = "storage class mapping";

    private FuzzCoverage() {
    }

    /** Every lifecycle row, as {@code from -> to}. */
    public static List<String> rows() {
        return AmrLifecycle.machine().rows().stream().map(r -> state(r.from() == null ? null : r.from().value())
                + " -> " + r.to().value()).toList();
    }

    public static List<String> faults() {
        List<String> all = new ArrayList<>(Arrays.stream(FaultKind.values()).map(FaultKind::id).toList());
        Arrays.stream(StorageOp.values()).map(StorageOp::fault).filter(f -> f != null).forEach(all::add);
        return all;
    }

    /** Every workflow the generator can run, then what a promotion of a shaped application does. */
    public static List<String> workflows() {
        List<String> all = new ArrayList<>(List.of(new Op.SetUp(AppShape.SEED, null, false).kind(),
                new Op.SetUp(AppShape.SEED, null, true).kind()));
        Arrays.stream(Workflow.values()).map(Workflow::label).forEach(all::add);
        all.addAll(List.of(MERGE, SKIP_LISTS, MAPPING, HOOKS, CLAIMS, CLASS_MAPPING));
        Arrays.stream(StorageOp.values()).map(StorageOp::workflow).filter(w -> w != null).forEach(all::add);
        return all;
    }

    /** What one run of a generated drill reached. */
    static Reach of(FuzzCase c, DrillResult result) {
        List<StepResult> top = result.steps().stream().filter(s -> s.depth() == 0).toList();
        List<String> faults = new ArrayList<>();
        List<String> workflows = new ArrayList<>();
        int at = 0;
        for (Op op : c.ops()) {
            int n = op.steps().size();
            boolean ran = at + n <= top.size() && top.subList(at, at + n).stream()
                    .allMatch(s -> s.outcome().equals("ok"));
            at += n;
            if (!ran) {
                break;
            }
            if (op instanceof Op.Inject inject) {
                faults.add(inject.fault().id());
            } else if (op instanceof Op.SetUp) {
                workflows.add(op.kind());
            } else if (op instanceof Op.Storage storage) {
                if (storage.op().fault() != null) {
                    faults.add(storage.op().fault());
                }
                if (storage.op().workflow() != null) {
                    workflows.add(storage.op().workflow());
                }
            } else if (op instanceof Op.Run run) {
                workflows.add(run.workflow().label());
                workflows.addAll(promotion(run.workflow(), c.shape()));
            }
        }
        return new Reach(rows(result), faults, workflows);
    }

    /** What a workflow's promotion exercised of the application's shape (none when it promotes nothing). */
    private static List<String> promotion(Workflow w, AppShape shape) {
        boolean promotes = w.failsOver() || w == Workflow.REVERSE_DIRECTION || w == Workflow.DIRECTION_BACK;
        List<String> out = new ArrayList<>();
        if (!promotes) {
            return out;
        }
        if (shape.ownMetadata()) {
            out.add(MERGE);
            if (shape.skipLists()) {
                out.add(SKIP_LISTS);
            }
        }
        if (shape.mapped()) {
            out.add(MAPPING);
        }
        if (shape.hooks() && w.failsOver()) {
            out.add(HOOKS);
        }
        if (shape.twoClaims()) {
            out.add(CLAIMS);
        }
        if (shape.classMapping()) {
            out.add(CLASS_MAPPING);
        }
        return out;
    }

    /** The state changes each relationship went through, from the drill's timeline (one lane per relationship). */
    private static List<String> rows(DrillResult result) {
        List<String> rows = new ArrayList<>();
        for (Timeline.Lane lane : result.timeline().lanes()) {
            if (!lane.name().startsWith("AMR ")) {
                continue;
            }
            String before = null;
            for (Timeline.Item item : lane.items()) {
                if (item.label().equals("Deleted")) {
                    break;
                }
                rows.add(state(before) + " -> " + item.label());
                before = item.label();
            }
        }
        return rows;
    }

    private static String state(String s) {
        return s == null ? "(new)" : s;
    }

    /** The campaign's coverage: how many seeds reached each row, fault kind and workflow, and what none reached. */
    public static String describe(List<Fuzzer.Outcome> outcomes) {
        Map<String, Integer> rows = count(rows(), outcomes, Reach::rows);
        Map<String, Integer> faults = count(faults(), outcomes, Reach::faults);
        Map<String, Integer> workflows = count(workflows(), outcomes, Reach::workflows);
        StringBuilder s = new StringBuilder("coverage: ");
        s.append(reached(rows, rows())).append(" of ").append(rows().size()).append(" lifecycle rows, ")
                .append(reached(faults, faults())).append(" of ").append(faults().size()).append(" fault kinds, ")
                .append(reached(workflows, workflows())).append(" of ").append(workflows().size())
                .append(" workflows\n");
        s.append(line("lifecycle rows", rows)).append(line("fault kinds", faults))
                .append(line("workflows", workflows));
        List<String> missed = missed(outcomes);
        if (!missed.isEmpty()) {
            s.append("  NEVER REACHED: ").append(String.join("; ", missed)).append('\n');
        }
        return s.toString();
    }

    /** What no seed reached, named by kind ({@code lifecycle row Promoting -> Failed}); empty when all were. */
    public static List<String> missed(List<Fuzzer.Outcome> outcomes) {
        List<String> out = new ArrayList<>();
        count(rows(), outcomes, Reach::rows).forEach((k, v) -> add(out, v, "lifecycle row " + k));
        count(faults(), outcomes, Reach::faults).forEach((k, v) -> add(out, v, "fault kind " + k));
        count(workflows(), outcomes, Reach::workflows).forEach((k, v) -> add(out, v, "workflow " + k));
        return out;
    }

    private static void add(List<String> out, int count, String what) {
        if (count == 0) {
            out.add(what);
        }
    }

    /** Seeds that reached each item, the expected ones first in their order, then any other seen (sorted). */
    private static Map<String, Integer> count(List<String> expected, List<Fuzzer.Outcome> outcomes,
                                              Function<Reach, List<String>> of) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        expected.forEach(e -> counts.put(e, 0));
        TreeSet<String> others = new TreeSet<>();
        for (Fuzzer.Outcome o : outcomes) {
            Reach r = o.reach() == null ? Reach.NONE : o.reach();
            for (String item : of.apply(r)) {
                if (counts.containsKey(item)) {
                    counts.merge(item, 1, Integer::sum);
                } else {
                    others.add(item);
                }
            }
        }
        for (String other : others) {
            counts.put(other, (int) outcomes.stream().filter(o -> o.reach() != null && of.apply(o.reach())
                    .contains(other)).count());
        }
        return counts;
    }

    private static long reached(Map<String, Integer> counts, List<String> expected) {
        return expected.stream().filter(e -> counts.get(e) > 0).count();
    }

    private static String line(String what, Map<String, Integer> counts) {
        return "  " + what + ": " + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + "\n";
    }
}
