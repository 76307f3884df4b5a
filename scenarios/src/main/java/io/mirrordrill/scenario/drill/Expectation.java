package io.mirrordrill.scenario.drill;

import java.time.Duration;
import java.util.Map;

/** What must hold when a drill ends. */
public sealed interface Expectation {
    At at();

    String describe();

    record RpoAtMost(At at, Duration limit) implements Expectation {
        public String describe() {
            return "RPO at most " + Units.format(limit);
        }
    }

    record RpoRecordsAtMost(At at, long limit) implements Expectation {
        public String describe() {
            return "RPO at most " + limit + " records";
        }
    }

    record RtoAtMost(At at, Duration limit) implements Expectation {
        public String describe() {
            return "RTO at most " + Units.format(limit);
        }
    }

    /** Records accepted by the app and absent from where it runs at the end: exactly, or at most. */
    record WritesLost(At at, long count, boolean exactly) implements Expectation {
        public String describe() {
            return "writes lost " + (exactly ? "exactly " : "at most ") + count;
        }
    }

    /** The namespace's labels and annotations are exactly these. */
    record NamespaceMetadata(At at, String cluster, String namespace, Map<String, String> labels,
                             Map<String, String> annotations) implements Expectation {
        public String describe() {
            return "namespace " + cluster + ":" + namespace + " labels " + labels + " annotations " + annotations;
        }
    }

    record Holds(At at, Condition condition) implements Expectation {
        public String describe() {
            return condition.describe();
        }
    }
}
