package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchivePathException;
import io.mirrordrill.engine.model.schedule.RecurrenceRule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The RPO the schedule promises, whatever is ever promoted: while an AMR is Established and healthy (no fault injected
 * in the drill; a Ready condition that is False says why it lags, which is what this rule catches), a snapshot in the source vault has replicated within one interval of the AMR's
 * recurrence plus the longest transfer seen plus a poll's slack after it was taken; so the replicated data is never
 * older than about two intervals plus the transfer time.
 */
final class ReplicationLagBound implements Invariant {
    /** After an occurrence the AMR looks 30 s later; a minute more covers the snapshot's own hooks and copies. */
    private static final Duration SLACK = Duration.ofSeconds(90);

    @Override
    public String id() {
        return "rpo-bound";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        if (!at.trace.faults().isEmpty()) {
            return out;
        }
        Instant now = at.estate.world().now();
        for (AmrWatch.History h : at.amrs.in("Established")) {
            Optional<JsonNode> amr = at.amr(h);
            if (amr.isEmpty()) {
                continue;
            }
            Optional<Duration> interval = interval(amr.get(), now);
            if (interval.isEmpty()) {
                continue;
            }
            Duration grace = interval.get().plus(longestTransfer(at)).plus(SLACK);
            Instant since = h.states.get(h.states.size() - 1).time();
            if (since.plus(grace).isAfter(now)) {
                continue;
            }
            String last = amr.get().path("status").path("lastTransferredSnapshot").asText("");
            Optional<ArchivePath> due = at.archives(h, amr.get(), "sourceAppVaultRef").flatMap(all -> all.stream()
                    .filter(a -> !a.createdAt().plus(grace).isAfter(now)).reduce((a, b) -> b));
            if (due.isEmpty() || !since.isBefore(due.get().createdAt().plus(grace))) {
                continue;
            }
            Optional<Instant> lastTime = createdAt(due.get(), last);
            if (lastTime.isEmpty() || lastTime.get().isBefore(due.get().createdAt())) {
                String age = lastTime.map(t -> Duration.between(t, now).toString()).orElse("unknown");
                out.add(new Violation(id(), "replicated data is " + age + " old while Established: the source"
                        + " snapshot " + due.get().basename() + " did not replicate within " + grace + " (interval "
                        + interval.get() + " + longest transfer + slack)", "AMR " + h.cluster + "/" + h.namespace
                        + "/" + h.name + " Established since " + since + "; status.lastTransferredSnapshot "
                        + (last.isEmpty() ? "(none)" : last) + "; now " + now));
            }
        }
        return out;
    }

    private static Optional<Duration> interval(JsonNode amr, Instant now) {
        String rule = amr.path("spec").path("recurrenceRule").asText("");
        if (rule.isBlank()) {
            return Optional.empty();
        }
        try {
            RecurrenceRule r = RecurrenceRule.parse(rule);
            Instant next = r.next(now);
            return Optional.of(Duration.between(next, r.next(next)));
        } catch (RuntimeException invalid) {
            return Optional.empty();
        }
    }

    private static Duration longestTransfer(Checkpoint at) {
        Duration longest = Duration.ZERO;
        for (TraceWatch.Transfer t : at.trace.transfers()) {
            if (t.end() != null && Duration.between(t.start(), t.end()).compareTo(longest) > 0) {
                longest = Duration.between(t.start(), t.end());
            }
        }
        return longest;
    }

    private static Optional<Instant> createdAt(ArchivePath like, String basename) {
        if (basename.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ArchivePath.fromBasename(like.appName(), like.appUid(), basename, "status")
                    .createdAt());
        } catch (ArchivePathException notABasename) {
            return Optional.empty();
        }
    }
}
