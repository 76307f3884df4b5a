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
        String recurrenceRule, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public ScheduleSpec {
        granularity = Granularity.canonical(granularity);
        unknownFields = Frozen.unknown(unknownFields);
    }

    /** A Custom schedule driven by an iCalendar recurrence rule, as replication schedules are. */
    public static ScheduleSpec custom(String applicationRef, String appVaultRef, String backupRetention,
            String snapshotRetention, String recurrenceRule) {
        return new ScheduleSpec(applicationRef, appVaultRef, backupRetention, snapshotRetention, true,
                Granularity.CUSTOM.value(), null, null, null, null, recurrenceRule, null);
    }

    public Optional<Granularity> granularityValue() {
        return Granularity.parse(granularity);
    }

    /** Default true: a schedule runs unless disabled. */
    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }
}
