package io.mirrordrill.scenario.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A drill's outcome in plain sentences, for the top of the HTML section and of the terminal summary: what happened,
 * what was lost (records and time), when the application served again, why writes were refused, and what to change
 * when an expectation failed. The failure's own message is not repeated here: it is printed once, after this.
 */
public final class Conclusion {
    private Conclusion() {
    }

    public static List<String> of(DrillResult r) {
        Measurements m = r.measures();
        Timeline t = r.timeline();
        List<String> out = new ArrayList<>();
        Optional<Timeline.Window> start = window(t, "start");
        if (start.isEmpty()) {
            out.add("No disaster or failover request in this drill: " + m.writesAccepted() + " writes accepted, "
                    + TextSummary.bytes(m.bytesTransferred()) + " replicated in " + m.transfers() + " transfers.");
        } else {
            long at = start.get().startMillis();
            String what = capitalized(start.get().label()) + " at " + Clock.of(at) + calendar(t, at);
            if (m.rtoMillis() == null && m.writesAccepted() == 0) {
                out.add(what + "; no workload wrote in this drill, so no RPO or RTO was measured.");
            } else if (m.rtoMillis() == null) {
                out.add(what + "; the application accepted no write on another cluster by the end of the drill "
                        + "(no RTO measured).");
            } else {
                long served = at + m.rtoMillis();
                out.add(what + "; the application served again" + servedOn(t, served) + " at " + Clock.of(served)
                        + ", " + m.rto() + " later (RTO).");
            }
            if (m.rpoMillis() != null && m.rpoRecords() != null) {
                out.add(m.rpoRecords() == 0 ? "Nothing written before it was lost (RPO 0s)."
                        : "Lost: " + m.rpoRecords() + " records, the writes of the last " + m.rpo()
                        + " before it (" + Clock.of(at - m.rpoMillis()) + " to " + Clock.of(at) + ") (RPO).");
            }
        }
        if (m.writesLost() != null && m.writesLost() > 0 && !m.writesLost().equals(m.rpoRecords())) {
            out.add("In all " + m.writesLost() + " of " + m.writesAccepted() + " accepted writes are missing where "
                    + "the application runs at the end.");
        }
        refusals(m).ifPresent(out::add);
        if (r.passed()) {
            out.add(r.expectations().isEmpty() ? "Passed: every step ran and the invariants held at "
                    + r.invariantChecks() + " checkpoints." : "Passed: all " + r.expectations().size()
                    + " expectations met, and the invariants held at " + r.invariantChecks() + " checkpoints.");
        } else {
            out.add("Failed. What to change: " + advice(r));
        }
        return out;
    }

    /** Why writes were refused, summed per reason: {@code 100 writes refused (cluster k8s-east unreachable, ...)}. */
    public static Optional<String> refusals(Measurements m) {
        if (m.writesRefused() == 0) {
            return Optional.empty();
        }
        Map<String, long[]> byReason = new LinkedHashMap<>();
        for (Measurements.Refused x : m.refusals()) {
            long[] sum = byReason.computeIfAbsent(x.reason(), k -> new long[] {0, x.fromMillis(), x.toMillis()});
            sum[0] += x.writes();
            sum[2] = x.toMillis();
        }
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, sum) -> parts.add(sum[0] + " because " + reason + " (" + Clock.of(sum[1])
                + (sum[2] == sum[1] ? "" : " to " + Clock.of(sum[2])) + ")"));
        return Optional.of(m.writesRefused() + " writes were refused by the cluster and never numbered"
                + (parts.isEmpty() ? "." : ": " + String.join("; ", parts) + "."));
    }

    private static String advice(DrillResult r) {
        Failure f = r.failure();
        if (f == null) {
            return "see the expectations below.";
        }
        if (f.kind().equals("invariant")) {
            return "nothing in the drill: an invariant broke, which is a defect of the engine or the emulators; "
                    + "report it with the drill file and seed " + r.seed() + ".";
        }
        if (f.kind().equals("step")) {
            return "make the failed step succeed (its resource, or what it waits for and the time it allows), "
                    + "then run the drill again.";
        }
        if (f.kind().equals("error")) {
            return "the drill could not run to the end; fix what the error names.";
        }
        List<String> fixes = new ArrayList<>();
        for (ExpectationResult e : r.expectations()) {
            if (e.passed()) {
                continue;
            }
            String d = e.description();
            if (d.startsWith("RPO") || d.startsWith("writes lost")) {
                fixes.add(d + ": replicate more often" + interval(r.timeline()) + ", since the RPO is bounded by "
                        + "one interval plus the transfer; or accept a larger loss");
            } else if (d.startsWith("RTO")) {
                fixes.add(d + ": see in the timeline what took the time between the disaster and the first write "
                        + "(promotion, restore, pods starting), shorten it, or allow a longer RTO");
            } else {
                // what was found is in the failure's evidence, printed after this: not repeated here
                fixes.add(d + ": either the steps that lead to it or the expectation itself is wrong (what was "
                        + "found is below)");
            }
        }
        return fixes.isEmpty() ? "see the failure below." : String.join("; ", fixes) + ".";
    }

    private static String interval(Timeline t) {
        return t.lags().stream().filter(l -> l.intervalMillis() > 0).findFirst()
                .map(l -> " (the schedule runs every " + Clock.duration(l.intervalMillis()) + ")").orElse("");
    }

    /** Where the first writes after {@code at} were accepted, from the workload lanes. */
    private static String servedOn(Timeline t, long at) {
        for (Timeline.Lane lane : t.lanes()) {
            for (Timeline.Item i : lane.items()) {
                if (i.kind().equals("writes") && i.startMillis() >= at && i.label().startsWith("writes on ")) {
                    return " on " + i.label().substring("writes on ".length());
                }
            }
        }
        return "";
    }

    private static String calendar(Timeline t, long at) {
        String c = new TimeAxis(t.endMillis(), t.begin(), 0, 1).moment(at);
        return c.isEmpty() ? "" : " (" + c + " UTC)";
    }

    private static Optional<Timeline.Window> window(Timeline t, String kind) {
        return t.windows().stream().filter(w -> w.kind().equals(kind)).findFirst();
    }

    private static String capitalized(String s) {
        return s == null || s.isEmpty() ? "The clock started" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
