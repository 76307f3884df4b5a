package io.mirrordrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.ProtectEngine;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.runtime.Controller;
import io.mirrordrill.runtime.Outcome;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What {@code /metrics} shows, in Prometheus' text exposition format (version 0.0.4): the reconciles per controller
 * (counted from the engine's events), leadership and readiness, and per AppMirrorRelationship its state, desired
 * state, replication lag and last transfer, read from the cluster at each scrape (the resources' status is the truth;
 * nothing is cached that could go stale). Labels carry kinds, namespaces, names and states only: never a secret.
 */
final class ControllerMetrics {
    /** Reconcile counts and time of one controller (a protect kind). */
    private static final class PerController {
        long total;
        long errors;
        double seconds;
    }

    private final Map<String, PerController> controllers = new TreeMap<>();
    private volatile boolean leader;
    private volatile boolean ready;

    /** One reconcile finished after {@code took}. */
    synchronized void reconciled(Controller.Event event, Duration took) {
        String kind = event.controller().substring(event.controller().indexOf('/') + 1);
        PerController c = controllers.computeIfAbsent(kind, k -> new PerController());
        c.total++;
        if (event.outcome() instanceof Outcome.Failed) {
            c.errors++;
        }
        c.seconds += took.toNanos() / 1e9;
    }

    void leader(boolean leading) {
        this.leader = leading;
    }

    void ready(boolean isReady) {
        this.ready = isReady;
    }

    boolean ready() {
        return ready;
    }

    /** The exposition at {@code now}; the relationships come from {@code port} (none when it is null or fails). */
    String scrape(Instant now, Supplier<KubernetesPort> port) {
        StringBuilder out = new StringBuilder();
        header(out, "mirrordrill_controller_leader", "gauge", "1 while this replica holds the leader lease and"
                + " reconciles, else 0.");
        out.append("mirrordrill_controller_leader ").append(leader ? 1 : 0).append('\n');
        header(out, "mirrordrill_controller_ready", "gauge", "1 while /readyz answers 200 (leading, watches open).");
        out.append("mirrordrill_controller_ready ").append(ready ? 1 : 0).append('\n');
        synchronized (this) {
            header(out, "mirrordrill_controller_reconciles_total", "counter", "Reconciles run, by controller.");
            controllers.forEach((k, c) -> sample(out, "mirrordrill_controller_reconciles_total", c.total,
                    "controller", k));
            header(out, "mirrordrill_controller_reconcile_errors_total", "counter", "Reconciles that failed (retried"
                    + " with backoff), by controller.");
            controllers.forEach((k, c) -> sample(out, "mirrordrill_controller_reconcile_errors_total", c.errors,
                    "controller", k));
            header(out, "mirrordrill_controller_reconcile_duration_seconds", "summary", "Time spent reconciling,"
                    + " by controller.");
            controllers.forEach((k, c) -> {
                sample(out, "mirrordrill_controller_reconcile_duration_seconds_sum", c.seconds, "controller", k);
                sample(out, "mirrordrill_controller_reconcile_duration_seconds_count", c.total, "controller", k);
            });
        }
        relationships(out, now, port.get());
        return out.toString();
    }

    private static void relationships(StringBuilder out, Instant now, KubernetesPort port) {
        List<GenericKubernetesResource> amrs = List.of();
        if (port != null) {
            try {
                amrs = port.list(ProtectEngine.GROUP_VERSION, "AppMirrorRelationship", null,
                        LabelSelector.everything());
            } catch (RuntimeException e) {
                amrs = List.of(); // a scrape during an outage shows the controller's own metrics only
            }
        }
        List<JsonNode> sorted = amrs.stream().map(r -> (JsonNode) Resources.toTree(r)).sorted(Comparator
                .comparing((JsonNode n) -> n.path("metadata").path("namespace").asText())
                .thenComparing(n -> n.path("metadata").path("name").asText())).toList();
        header(out, "mirrordrill_amr_state", "gauge", "1 for the AppMirrorRelationship's current status.state.");
        for (JsonNode n : sorted) {
            String state = n.path("status").path("state").asText("");
            if (!state.isEmpty()) {
                sample(out, "mirrordrill_amr_state", 1, "namespace", ns(n), "name", name(n), "state", state);
            }
        }
        header(out, "mirrordrill_amr_desired_state", "gauge", "1 for the AppMirrorRelationship's spec.desiredState.");
        for (JsonNode n : sorted) {
            String desired = n.path("spec").path("desiredState").asText("");
            if (!desired.isEmpty()) {
                sample(out, "mirrordrill_amr_desired_state", 1, "namespace", ns(n), "name", name(n), "state",
                        desired);
            }
        }
        header(out, "mirrordrill_amr_replication_lag_seconds", "gauge", "Seconds since the last replication"
                + " transfer completed (status.lastTransfer.completionTimestamp): the running RPO's lower bound.");
        header(out, "mirrordrill_amr_last_transfer_bytes", "gauge", "Bytes the last replication transfer moved.");
        header(out, "mirrordrill_amr_last_transfer_duration_seconds", "gauge", "How long the newest replicated"
                + " snapshot took from its creation on the source to complete on the destination"
                + " (status.lastTransfer.completionTimestamp minus the time in status.lastTransferredSnapshot).");
        header(out, "mirrordrill_amr_last_transfer_completion_timestamp_seconds", "gauge", "When the last"
                + " replication transfer completed, in Unix seconds.");
        for (JsonNode n : sorted) {
            JsonNode last = n.path("status").path("lastTransfer");
            Instant done = instant(last.path("completionTimestamp").asText(""));
            Instant taken = ArchivePath.timeOf(n.path("status").path("lastTransferredSnapshot").asText(""))
                    .orElse(null);
            if (done != null) {
                sample(out, "mirrordrill_amr_replication_lag_seconds", seconds(done, now), "namespace", ns(n),
                        "name", name(n));
                sample(out, "mirrordrill_amr_last_transfer_completion_timestamp_seconds", done.toEpochMilli()
                        / 1000.0, "namespace", ns(n), "name", name(n));
                if (taken != null) {
                    sample(out, "mirrordrill_amr_last_transfer_duration_seconds", seconds(taken, done), "namespace",
                            ns(n), "name", name(n));
                }
            }
            if (last.path("transferSizeBytes").isNumber()) {
                sample(out, "mirrordrill_amr_last_transfer_bytes", last.path("transferSizeBytes").asLong(),
                        "namespace", ns(n), "name", name(n));
            }
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }

    private static Instant instant(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String ns(JsonNode n) {
        return n.path("metadata").path("namespace").asText();
    }

    private static String name(JsonNode n) {
        return n.path("metadata").path("name").asText();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** One sample line; label values escaped as the format asks (backslash, double quote, newline). */
    private static void sample(StringBuilder out, String name, double value, String... labels) {
        out.append(name);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                out.append(i == 0 ? "" : ",").append(labels[i]).append("=\"").append(labels[i + 1]
                        .replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
            }
            out.append('}');
        }
        out.append(' ');
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(java.math.BigDecimal.valueOf(value).toPlainString());
        }
        out.append('\n');
    }
}
