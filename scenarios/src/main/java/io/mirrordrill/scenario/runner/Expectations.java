package io.mirrordrill.scenario.runner;

import io.mirrordrill.engine.restore.NamespaceMetadata;
import io.mirrordrill.scenario.drill.Expectation;
import io.mirrordrill.scenario.drill.Units;
import io.mirrordrill.scenario.report.ExpectationResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Evaluates a drill's {@code expect} section at the end of the run. */
final class Expectations {
    /** Set by the API server on every namespace; compared only when an expectation names it. */
    private static final String METADATA_NAME = "kubernetes.io/metadata.name";

    private final List<Expectation> expectations;
    private final Measures measures;
    private final Conditions conditions;
    private final Checkpoint checkpoint;
    private final Long writesLost;

    /** {@code writesLost}: null when the application's data cannot be read where it runs last. */
    Expectations(List<Expectation> expectations, Measures measures, Conditions conditions, Checkpoint checkpoint,
                 Long writesLost) {
        this.expectations = expectations;
        this.measures = measures;
        this.conditions = conditions;
        this.checkpoint = checkpoint;
        this.writesLost = writesLost;
    }

    List<ExpectationResult> evaluate() {
        List<ExpectationResult> out = new ArrayList<>();
        for (Expectation e : expectations) {
            out.add(evaluate(e));
        }
        return out;
    }

    private ExpectationResult evaluate(Expectation e) {
        Optional<Measures.Recovery> recovery = measures.worst();
        String none = "no failover was measured: the application never accepted a write on another cluster after "
                + measures.startedAt().map(t -> measures.startedBy() + " at " + t)
                .orElse("any disaster or failover request") + measures.refusals();
        if (e instanceof Expectation.RpoAtMost r) {
            return result(e, recovery.map(m -> m.rpo().compareTo(r.limit()) <= 0).orElse(false),
                    recovery.map(m -> "RPO " + Units.format(m.rpo()) + " (" + m.rpoRecords() + " records: "
                            + m.lost() + ")").orElse(none));
        } else if (e instanceof Expectation.RpoRecordsAtMost r) {
            return result(e, recovery.map(m -> m.rpoRecords() <= r.limit()).orElse(false),
                    recovery.map(m -> m.rpoRecords() + " records lost at the failover: " + m.lost()).orElse(none));
        } else if (e instanceof Expectation.RtoAtMost r) {
            return result(e, recovery.map(m -> m.rto().compareTo(r.limit()) <= 0).orElse(false),
                    recovery.map(m -> "RTO " + Units.format(m.rto())).orElse(none));
        } else if (e instanceof Expectation.WritesLost w) {
            if (writesLost == null) {
                return result(e, false, "the application's data could not be read where it runs last");
            }
            boolean ok = w.exactly() ? writesLost == w.count() : writesLost <= w.count();
            return result(e, ok, writesLost + " writes lost of " + accepted() + " accepted");
        } else if (e instanceof Expectation.NamespaceMetadata ns) {
            return namespace(ns);
        }
        Expectation.Holds h = (Expectation.Holds) e;
        Conditions.Result r = conditions.evaluate(h.condition());
        return result(e, r.holds(), r.observed());
    }

    private ExpectationResult namespace(Expectation.NamespaceMetadata ns) {
        Optional<NamespaceMetadata> found = checkpoint.object(ns.cluster(), "v1", "Namespace", null,
                ns.namespace()).map(NamespaceMetadata::fromNamespace);
        if (found.isEmpty()) {
            return result(ns, false, "namespace " + ns.namespace() + " not found (or its cluster is unreachable)");
        }
        Map<String, String> labels = new TreeMap<>(found.get().labels());
        if (!ns.labels().containsKey(METADATA_NAME)) {
            labels.remove(METADATA_NAME);
        }
        boolean ok = labels.equals(new TreeMap<>(ns.labels()))
                && found.get().annotations().equals(new TreeMap<>(ns.annotations()));
        return result(ns, ok, "labels " + labels + " annotations " + found.get().annotations());
    }

    private long accepted() {
        return checkpoint.ledger.accepted();
    }

    private ExpectationResult result(Expectation e, boolean passed, String actual) {
        return new ExpectationResult(conditions.describe(e.describe()), e.at().describe(), passed, actual);
    }
}
