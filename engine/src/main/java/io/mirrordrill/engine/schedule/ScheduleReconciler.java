package io.mirrordrill.engine.schedule;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.runtime.Reconciler;
import io.mirrordrill.runtime.ResourceKey;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.controller.Decision;
import io.mirrordrill.engine.controller.ProtectReconciler;
import io.mirrordrill.engine.model.ResourceStatus;
import io.mirrordrill.engine.model.Schedule;
import io.mirrordrill.engine.model.schedule.Recurrence;
import io.mirrordrill.engine.model.schedule.RecurrenceException;
import io.mirrordrill.engine.model.schedule.Recurrences;
import io.mirrordrill.engine.model.validation.Problem;
import io.mirrordrill.engine.model.validation.Validator;
import io.mirrordrill.port.Clock;
import io.mirrordrill.port.kubernetes.KubernetesPort;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The Schedule controller. An enabled, valid schedule fires from the moment it is first seen so
 * ({@code status.enabledSince}); it is {@code Ready} while the AppVault and Application it names exist and are
 * ready ({@link ScheduleReferences}), and fires on either way. At each occurrence after that it creates the occurrence's Snapshot
 * ({@link ScheduledSnapshots}), prunes to {@code snapshotRetention}, records {@code lastScheduleTime} and
 * {@code nextScheduleTime}, and asks to be reconciled at the next occurrence: it never waits in a reconcile. While
 * one of its snapshots runs it looks again every {@link #RETENTION_POLL}, so that retention follows completions. A
 * disabled schedule creates nothing and missed occurrences of a disabled time are not made up. With
 * {@code runImmediately} the moment it starts firing (created or enabled again) is an occurrence too.
 */
public final class ScheduleReconciler implements ProtectReconciler<Schedule, ResourceStatus> {
    public static final Duration RETENTION_POLL = Duration.ofSeconds(10);
    static final String ENABLED = "Enabled";
    static final String DISABLED = "Disabled";
    static final String FAILED = "Failed";

    private final Clock clock;
    private final ScheduledSnapshots snapshots;
    private final ScheduleReferences references;

    public ScheduleReconciler(KubernetesPort kubernetes, Clock clock, EventRecorder events) {
        this.clock = clock;
        this.snapshots = new ScheduledSnapshots(kubernetes, events);
        this.references = new ScheduleReferences(kubernetes);
    }

    @Override
    public String kind() {
        return Schedule.KIND;
    }

    @Override
    public ResourceStatus emptyStatus() {
        return new ResourceStatus(null, null, List.of());
    }

    @Override
    public Decision<ResourceStatus> reconcile(Schedule schedule) {
        ScheduleStatus status = new ScheduleStatus(schedule, clock.now());
        List<Problem> problems = Validator.validateSpec(schedule);
        if (!problems.isEmpty()) {
            Problem p = problems.get(0);
            // nothing changes until the spec does
            return status.failed("InvalidSpec", p.field() + ": " + p.message() + ". Fix: " + p.fix(), Outcome.done());
        }
        if (!schedule.spec().enabledOrDefault()) {
            return status.disabled();
        }
        Recurrence recurrence;
        try {
            recurrence = Recurrences.of(schedule.spec());
        } catch (RecurrenceException e) {
            return status.failed("InvalidRecurrence", e.getMessage(), Outcome.done());
        }
        Optional<ScheduleReferences.Broken> broken = references.check(schedule);
        Optional<Instant> since = status.enabledSince();
        if (since.isEmpty()) {
            // the start is recorded before anything is created
            return status.enabled(status.now().truncatedTo(ChronoUnit.SECONDS), status.lastScheduleTime(),
                    recurrence.next(status.now()), broken, Outcome.requeueAfter(Duration.ZERO));
        }
        Instant after = status.lastScheduleTime().filter(last -> last.isAfter(since.get()))
                .orElse(since.get().minusNanos(1));
        Optional<Instant> due = DueOccurrence.latest(recurrence, after, status.now());
        if (due.isEmpty() && schedule.spec().runsImmediately()
                && status.lastScheduleTime().filter(last -> !last.isBefore(since.get())).isEmpty()) {
            due = since;  // runImmediately (26.02): the moment it started firing counts as an occurrence
        }
        due.ifPresent(occurrence -> snapshots.create(schedule, occurrence));
        boolean running = snapshots.prune(schedule, retention(schedule));
        Instant next = recurrence.next(status.now());
        Duration untilNext = Duration.between(status.now(), next);
        return status.enabled(since.get(), due.or(status::lastScheduleTime), next, broken, Outcome.requeueAfter(
                running && untilNext.compareTo(RETENTION_POLL) > 0 ? RETENTION_POLL : untilNext));
    }

    /** {@code snapshotRetention} as a count; absent keeps every snapshot (validation refused anything else). */
    private static Integer retention(Schedule schedule) {
        String value = schedule.spec().snapshotRetention();
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    }
}
