package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an AMR reports of its post-failover hooks happened: each hook run it reports with a result ran in that
 * container after the failover was asked for, and exited with the reported code (by the cluster's trace of execs).
 */
final class HookReportMatchesExec implements Invariant {
    @Override
    public String id() {
        return "hook-report-matches-exec";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        for (AmrWatch.History h : at.amrs.histories()) {
            if (h.deleted) {
                continue;
            }
            Optional<JsonNode> amr = at.amr(h);
            JsonNode runs = amr.map(a -> a.path("status").path("postFailoverHooks").path("hookRuns"))
                    .orElse(null);
            Instant promoted = h.states.stream().filter(s -> s.state().equals("Promoted")).map(AmrWatch.Seen::time)
                    .reduce((a, b) -> b).orElse(null);
            if (runs == null || !runs.isArray() || promoted == null) {
                continue;
            }
            Instant asked = at.promotions.all().stream().filter(r -> r.cluster().equals(h.cluster)
                    && r.namespace().equals(h.namespace) && r.name().equals(h.name)).map(Promotions.Request::time)
                    .reduce((a, b) -> b).orElse(promoted);
            for (JsonNode run : runs) {
                if (!run.has("exitCode") || run.path("pod").asText("").isEmpty()) {
                    continue;
                }
                String container = run.path("namespace").asText() + "/" + run.path("pod").asText() + "/"
                        + run.path("container").asText();
                int code = run.path("exitCode").asInt();
                String key = id() + "/" + h.key() + "/" + asked + "/" + container + "/" + run.path("hook").asText();
                if (at.done.contains(key)) {
                    continue;
                }
                at.done.add(key);
                boolean ran = at.trace.execs().stream().anyMatch(e -> e.cluster().equals(h.cluster)
                        && e.container().equals(container) && e.exitCode() == code && !e.time().isBefore(asked));
                if (!ran) {
                    out.add(new Violation(id(), "hook " + run.path("hook").asText() + " is reported "
                            + run.path("result").asText() + " (exit " + code + ") but no such command ran in "
                            + container, "AMR " + h.cluster + "/" + h.namespace + "/" + h.name
                            + " status.postFailoverHooks; failover asked at " + asked + "; execs in " + container
                            + " on " + h.cluster + ": " + at.trace.execs().stream().filter(e -> e.container()
                            .equals(container)).map(e -> e.time() + " exit=" + e.exitCode()).toList()));
                }
            }
        }
        return out;
    }
}
