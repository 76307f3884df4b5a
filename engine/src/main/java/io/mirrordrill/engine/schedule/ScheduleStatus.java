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
 * A Schedule's status: {@code state} Enabled, Disabled or Failed with {@code error}; {@code enabledSince}, since when
 * the schedule has been firing (its occurrences count from there); a {@code Ready} condition, False while the
 * AppVault or Application it names is missing or not ready; {@code lastScheduleTime} (the occurrence of the last
 * Snapshot created) and {@code nextScheduleTime}, all UTC.
 */
final class ScheduleStatus {
    static final String LAST = "lastScheduleTime";
    static final String NEXT = "nextScheduleTime";
    static final String ENABLED_SINCE = "enabledSince";

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

    /**
     * Since when the schedule has been firing. A status written before {@code enabledSince} existed has it as the
     * Ready condition's time, which was the anchor then.
     */
    Optional<Instant> enabledSince() {
        if (current == null || !ScheduleReconciler.ENABLED.equals(current.state())) {
            return Optional.empty();
        }
        Object since = current.unknownFields().get(ENABLED_SINCE);
        return since != null ? Optional.of(Instant.parse(since.toString()))
                : ReadyCondition.readySince(current.conditions());
    }

    Optional<Instant> lastScheduleTime() {
        Object last = current == null ? null : current.unknownFields().get(LAST);
        return last == null ? Optional.empty() : Optional.of(Instant.parse(last.toString()));
    }

    /**
     * Enabled since {@code since}: Ready True, or the reference problem {@code broken} (the schedule fires on, and
     * its Snapshots say why they fail).
     */
    Decision<ResourceStatus> enabled(Instant since, Optional<Instant> last, Instant next,
                                     Optional<ScheduleReferences.Broken> broken, Outcome then) {
        String message = "creates Snapshots of Application " + schedule.spec().applicationRef() + " into AppVault "
                + schedule.spec().appVaultRef() + (schedule.spec().snapshotRetention() == null ? ""
                : ", keeping the " + schedule.spec().snapshotRetention() + " newest");
        ResourceStatus status = status(ScheduleReconciler.ENABLED, null, last, Optional.of(next));
        Map<String, Object> extra = new TreeMap<>(status.unknownFields());
        extra.put(ENABLED_SINCE, since.toString());
        return new Decision<>(new ResourceStatus(status.state(), null, status.conditions(), extra),
                broken.map(b -> Ready.isFalse(b.reason(), b.message())).orElse(Ready.isTrue("Scheduled", message)),
                then);
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
        extra.remove(ENABLED_SINCE);
        last.ifPresent(t -> extra.put(LAST, t.toString()));
        next.ifPresent(t -> extra.put(NEXT, t.toString()));
        return new ResourceStatus(state, error, current == null ? null : current.conditions(), extra);
    }
}
