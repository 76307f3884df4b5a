package io.mirrordrill.engine.schedule;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.controller.EventRecorder;
import io.mirrordrill.engine.controller.Outcome;
import io.mirrordrill.engine.controller.Reconciler;
import io.mirrordrill.engine.controller.ResourceKey;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ResourceStatus;
import io.mirrordrill.engine.model.Schedule;
import io.mirrordrill.engine.model.schedule.Recurrence;
import io.mirrordrill.engine.model.schedule.RecurrenceException;
import io.mirrordrill.engine.model.schedule.Recurrences;
import io.mirrordrill.engine.model.validation.Problem;
import io.mirrordrill.engine.model.validation.Validator;
import io.mirrordrill.engine.model.yaml.BindingException;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.engine.port.Clock;
import io.mirrordrill.engine.port.kubernetes.ConflictException;
import io.mirrordrill.engine.port.kubernetes.KubernetesPort;
import io.mirrordrill.engine.port.kubernetes.NotFoundException;
import io.mirrordrill.engine.status.StatusWriter;
import io.mirrordrill.engine.status.UnboundStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Schedule controller. An enabled, valid schedule is {@code Ready} from the moment it is first seen so (the
 * condition's lastTransitionTime); at each occurrence after that it creates the occurrence's Snapshot
 * ({@link ScheduledSnapshots}), prunes to {@code snapshotRetention}, records {@code lastScheduleTime} and
 * {@code nextScheduleTime}, and asks to be reconciled at the next occurrence: it never waits in a reconcile. While
 * one of its snapshots runs it looks again every {@link #RETENTION_POLL}, so that retention follows completions. A
 * disabled schedule creates nothing and missed occurrences of a disabled time are not made up.
 */
public final class ScheduleReconciler implements Reconciler {
    public static final Duration RETENTION_POLL = Duration.ofSeconds(10);
    static final String ENABLED = "Enabled";
    static final String DISABLED = "Disabled";
    static final String FAILED = "Failed";

    private final KubernetesPort kubernetes;
    private final Clock clock;
    private final ScheduledSnapshots snapshots;

    public ScheduleReconciler(KubernetesPort kubernetes, Clock clock, EventRecorder events) {
        this.kubernetes = kubernetes;
        this.clock = clock;
        this.snapshots = new ScheduledSnapshots(kubernetes, events);
    }

    @Override
    public Outcome reconcile(ResourceKey key) {
        Optional<GenericKubernetesResource> found = kubernetes.get(ProtectApi.API_VERSION, Schedule.KIND,
                key.namespace(), key.name());
        if (found.isEmpty() || found.get().getMetadata().getDeletionTimestamp() != null) {
            return Outcome.done();
        }
        try {
            Schedule schedule;
            try {
                schedule = (Schedule) ProtectYaml.fromGeneric(found.get());
            } catch (BindingException e) {
                UnboundStatus.fail(kubernetes, found.get(), e.getMessage(), clock.now());
                return Outcome.done(); // nothing to do until the spec changes
            }
            return decide(found.get(), schedule, new ScheduleStatus(schedule, clock.now()));
        } catch (ConflictException e) {
            return Outcome.requeueAfter(Duration.ZERO);
        } catch (NotFoundException e) {
            return Outcome.done();
        }
    }

    private Outcome decide(GenericKubernetesResource found, Schedule schedule, ScheduleStatus status) {
        List<Problem> problems = Validator.validateSpec(schedule);
        if (!problems.isEmpty()) {
            Problem p = problems.get(0);
            write(found, schedule, status.failed("InvalidSpec", p.field() + ": " + p.message() + ". Fix: " + p.fix()));
            return Outcome.done(); // nothing changes until the spec does
        }
        if (!schedule.spec().enabledOrDefault()) {
            write(found, schedule, status.disabled());
            return Outcome.done();
        }
        Recurrence recurrence;
        try {
            recurrence = Recurrences.of(schedule.spec());
        } catch (RecurrenceException e) {
            write(found, schedule, status.failed("InvalidRecurrence", e.getMessage()));
            return Outcome.done();
        }
        Optional<Instant> since = status.enabledSince();
        if (since.isEmpty()) {
            write(found, schedule, status.enabled(status.lastScheduleTime(), recurrence.next(status.now())));
            return Outcome.requeueAfter(Duration.ZERO); // the start is recorded before anything is created
        }
        Instant after = status.lastScheduleTime().filter(last -> last.isAfter(since.get()))
                .orElse(since.get().minusNanos(1));
        Optional<Instant> due = DueOccurrence.latest(recurrence, after, status.now());
        due.ifPresent(occurrence -> snapshots.create(schedule, occurrence));
        boolean running = snapshots.prune(schedule, retention(schedule));
        Instant next = recurrence.next(status.now());
        write(found, schedule, status.enabled(due.or(status::lastScheduleTime), next));
        Duration untilNext = Duration.between(status.now(), next);
        return Outcome.requeueAfter(running && untilNext.compareTo(RETENTION_POLL) > 0 ? RETENTION_POLL : untilNext);
    }

    private void write(GenericKubernetesResource found, Schedule schedule, ResourceStatus s) {
        StatusWriter.write(kubernetes, found, schedule.withStatus(s));
    }

    /** {@code snapshotRetention} as a count; absent keeps every snapshot (validation refused anything else). */
    private static Integer retention(Schedule schedule) {
        String value = schedule.spec().snapshotRetention();
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    }
}
