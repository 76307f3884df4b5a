package io.mirrordrill.engine.schedule;

import io.mirrordrill.engine.controller.Decision;
import io.mirrordrill.engine.controller.Ready;
import io.mirrordrill.engine.model.ResourceStatus;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.engine.model.Schedule;
import io.mirrordrill.engine.status.ReadyCondition;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Schedule's status: {@code state} Enabled, Disabled or Failed with {@code error}; a {@code Ready} condition whose
 * lastTransitionTime says since when the schedule has been firing; {@code lastScheduleTime} (the occurrence of the
 * last Snapshot created) and {@code nextScheduleTime}, both UTC.
 */
final class ScheduleStatus {
    static final String LAST = "lastScheduleTime";
    static final String NEXT = "nextScheduleTime";

    private final Schedule schedule;
    private final ResourceStatus current;
    private final Instant now;

    ScheduleStatus(Schedule schedule, Instant now) {
        this.schedule = schedule;
        this.current = schedule.status();
        this.now = now;
    }

    Instant now() {
        return now;
    }

    Optional<Instant> enabledSince() {
        return current == null || !ScheduleReconciler.ENABLED.equals(current.state()) ? Optional.empty()
                : ReadyCondition.readySince(current.conditions());
    }

    Optional<Instant> lastScheduleTime() {
        Object last = current == null ? null : current.unknownFields().get(LAST);
        return last == null ? Optional.empty() : Optional.of(Instant.parse(last.toString()));
    }

    Decision<ResourceStatus> enabled(Optional<Instant> last, Instant next, Outcome then) {
        String message = "creates Snapshots of Application " + schedule.spec().applicationRef() + " into AppVault "
                + schedule.spec().appVaultRef() + (schedule.spec().snapshotRetention() == null ? ""
                : ", keeping the " + schedule.spec().snapshotRetention() + " newest");
        return new Decision<>(status(ScheduleReconciler.ENABLED, null, last, Optional.of(next)),
                Ready.isTrue("Scheduled", message), then);
    }

    /** Disabled: nothing to do until the spec changes. */
    Decision<ResourceStatus> disabled() {
        return Decision.done(status(ScheduleReconciler.DISABLED, null, lastScheduleTime(), Optional.empty()),
                Ready.isFalse("Disabled", "spec.enabled is false: no Snapshots are created. Fix: set spec.enabled"
                        + " to true to resume"));
    }

    Decision<ResourceStatus> failed(String reason, String message, Outcome then) {
        return new Decision<>(status(ScheduleReconciler.FAILED, message, lastScheduleTime(), Optional.empty()),
                Ready.isFalse(reason, message), then);
    }

    private ResourceStatus status(String state, String error, Optional<Instant> last, Optional<Instant> next) {
        Map<String, Object> extra = new TreeMap<>(current == null ? Map.of() : current.unknownFields());
        extra.remove(LAST);
        extra.remove(NEXT);
        last.ifPresent(t -> extra.put(LAST, t.toString()));
        next.ifPresent(t -> extra.put(NEXT, t.toString()));
        return new ResourceStatus(state, error, current == null ? null : current.conditions(), extra);
    }
}
