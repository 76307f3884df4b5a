package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Optional;

/** {@code Schedule.spec}. Retention counts and the minute/hour/day fields are strings in real files ({@code "0"}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ScheduleSpec(String applicationRef, String appVaultRef, String backupRetention, String snapshotRetention,
        Boolean enabled, String granularity, String minute, String hour, String dayOfWeek, String dayOfMonth,
        String recurrenceRule, String dataMover, String snapshotReclaimPolicy, String backupReclaimPolicy,
        Boolean runImmediately, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public ScheduleSpec {
        granularity = Granularity.canonical(granularity);
        unknownFields = Frozen.unknown(unknownFields);
    }

    /** A Custom schedule driven by an iCalendar recurrence rule, as replication schedules are. */
    public static ScheduleSpec custom(String applicationRef, String appVaultRef, String backupRetention,
            String snapshotRetention, String recurrenceRule) {
        return new ScheduleSpec(applicationRef, appVaultRef, backupRetention, snapshotRetention, true,
                Granularity.CUSTOM.value(), null, null, null, null, recurrenceRule, null, null, null, null, null);
    }

    public Optional<Granularity> granularityValue() {
        return Granularity.parse(granularity);
    }

    /**
     * The reclaim policy of the Snapshots the schedule creates (26.02). Default Delete, so that retention frees
     * their archives and ONTAP snapshots; empty when the value is not an accepted one.
     */
    public Optional<ReclaimPolicy> snapshotReclaimPolicyValue() {
        return snapshotReclaimPolicy == null ? Optional.of(ReclaimPolicy.DELETE)
                : ReclaimPolicy.parse(snapshotReclaimPolicy);
    }

    /** 26.02: a snapshot right away when the schedule is created or enabled, not only at its occurrences. */
    public boolean runsImmediately() {
        return runImmediately != null && runImmediately;
    }

    /** Default true: a schedule runs unless disabled. */
    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }
}
