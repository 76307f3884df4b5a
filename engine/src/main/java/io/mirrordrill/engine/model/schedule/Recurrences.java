package io.mirrordrill.engine.model.schedule;

import io.mirrordrill.engine.model.Granularity;
import io.mirrordrill.engine.model.ScheduleSpec;

/** Turns a Schedule's spec into its {@link Recurrence}; the Schedule controller's one entry point. */
public final class Recurrences {
    private Recurrences() {
    }

    /**
     * The recurrence a schedule spec describes.
     *
     * @throws RecurrenceException when the granularity, a time field or the rule is not valid (the Validator reports
     *     the same problems with the field path; a controller validates first)
     */
    public static Recurrence of(ScheduleSpec spec) {
        Granularity granularity = spec.granularityValue().orElseThrow(() -> new RecurrenceException(
                "granularity \"" + spec.granularity() + "\" is not known",
                "use one of Hourly, Daily, Weekly, Monthly, Custom"));
        return switch (granularity) {
            case HOURLY -> CalendarRecurrence.hourly(TimeField.MINUTE.require(spec.minute()));
            case DAILY -> CalendarRecurrence.daily(TimeField.HOUR.require(spec.hour()),
                    TimeField.MINUTE.require(spec.minute()));
            case WEEKLY -> CalendarRecurrence.weekly(TimeField.DAY_OF_WEEK.require(spec.dayOfWeek()),
                    TimeField.HOUR.require(spec.hour()), TimeField.MINUTE.require(spec.minute()));
            case MONTHLY -> CalendarRecurrence.monthly(TimeField.DAY_OF_MONTH.require(spec.dayOfMonth()),
                    TimeField.HOUR.require(spec.hour()), TimeField.MINUTE.require(spec.minute()));
            case CUSTOM -> RecurrenceRule.parse(spec.recurrenceRule());
        };
    }
}
