package io.mirrordrill.scenario.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code expect} section. */
final class ExpectParser {
    private ExpectParser() {
    }

    static List<Expectation> parse(Node e) {
        List<Expectation> out = new ArrayList<>();
        if (e.isMissing()) {
            return out;
        }
        e.requireObject("expect").allowOnly(Set.of("rpo", "rpoRecords", "rto", "writesLost", "apps", "namespaces",
                "resources"));
        if (e.has("rpo")) {
            out.add(new Expectation.RpoAtMost(at(e.get("rpo")), limit(e, "rpo")));
        }
        if (e.has("rto")) {
            out.add(new Expectation.RtoAtMost(at(e.get("rto")), limit(e, "rto")));
        }
        if (e.has("rpoRecords")) {
            Node n = e.get("rpoRecords");
            long count = n.isObject() ? n.allowOnly(Set.of("atMost")).number("atMost", 0) : e.number("rpoRecords", 0);
            out.add(new Expectation.RpoRecordsAtMost(at(n), count));
        }
        if (e.has("writesLost")) {
            out.add(writesLost(e));
        }
        for (Node a : e.list("apps")) {
            a.requireObject("an app").allowOnly(Set.of("cluster", "namespace", "deployment", "running"));
            out.add(new Expectation.Holds(at(a), new Condition.AppRunning(a.text("cluster"), a.text("namespace"),
                    a.text("deployment"), a.bool("running", true))));
        }
        for (Node ns : e.list("namespaces")) {
            ns.requireObject("a namespace").allowOnly(Set.of("cluster", "name", "labels", "annotations"));
            out.add(new Expectation.NamespaceMetadata(at(ns), ns.text("cluster"), ns.text("name"),
                    ns.textMap("labels"), ns.textMap("annotations")));
        }
        for (Node r : e.list("resources")) {
            r.allowOnly(StepParser.conditionFields(Set.of()));
            out.add(new Expectation.Holds(at(r), StepParser.condition(r)));
        }
        return out;
    }

    private static At at(Node n) {
        return new At(n.source(), n.line(), n.path());
    }

    /** {@code rpo: 5m} or {@code rpo: {atMost: 5m}}. */
    private static Duration limit(Node e, String key) {
        Node n = e.get(key);
        if (n.isObject()) {
            return n.allowOnly(Set.of("atMost")).duration("atMost", Duration.ZERO, true);
        }
        return e.duration(key, Duration.ZERO, true);
    }

    private static Expectation writesLost(Node e) {
        Node n = e.get("writesLost");
        if (!n.isObject()) {
            return new Expectation.WritesLost(at(n), e.number("writesLost", 0), true);
        }
        n.allowOnly(Set.of("atMost", "exactly"));
        if (n.has("exactly") == n.has("atMost")) {
            n.problem("writesLost names exactly one of atMost and exactly", "write writesLost: {atMost: 10}");
        }
        boolean exactly = n.has("exactly");
        return new Expectation.WritesLost(at(n), n.number(exactly ? "exactly" : "atMost", 0), exactly);
    }
}
