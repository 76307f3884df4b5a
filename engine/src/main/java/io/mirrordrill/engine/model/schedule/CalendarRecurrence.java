package io.mirrordrill.engine.model.schedule;

import io.mirrordrill.engine.model.Granularity;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The Hourly, Daily, Weekly and Monthly schedule forms, in UTC. Fields a form does not use are ignored. A Monthly
 * schedule on day 29 to 31 skips months that lack that day, as cron does (the reference says nothing; skipping is
 * also what RRULE does, so both schedule forms agree).
 */
public record CalendarRecurrence(Granularity granularity, int minute, int hour, int dayOfWeek, int dayOfMonth)
        implements Recurrence {

    public CalendarRecurrence {
        if (granularity == Granularity.CUSTOM) {
            throw new IllegalArgumentException("Custom schedules use a RecurrenceRule");
        }
        check(TimeField.MINUTE, minute);
        check(TimeField.HOUR, hour);
        check(TimeField.DAY_OF_WEEK, dayOfWeek);
        check(TimeField.DAY_OF_MONTH, dayOfMonth);
    }

    public static CalendarRecurrence hourly(int minute) {
        return new CalendarRecurrence(Granularity.HOURLY, minute, 0, 0, 1);
    }

    public static CalendarRecurrence daily(int hour, int minute) {
        return new CalendarRecurrence(Granularity.DAILY, minute, hour, 0, 1);
    }

    /** {@code dayOfWeek} 0 or 7 is Sunday, 1 Monday ... 6 Saturday. */
    public static CalendarRecurrence weekly(int dayOfWeek, int hour, int minute) {
        return new CalendarRecurrence(Granularity.WEEKLY, minute, hour, dayOfWeek, 1);
    }

    public static CalendarRecurrence monthly(int dayOfMonth, int hour, int minute) {
        return new CalendarRecurrence(Granularity.MONTHLY, minute, hour, 0, dayOfMonth);
    }

    @Override
    public Instant next(Instant after) {
        LocalDateTime now = LocalDateTime.ofInstant(after, ZoneOffset.UTC);
        LocalDateTime candidate = switch (granularity) {
            case HOURLY -> later(now.truncatedTo(ChronoUnit.HOURS).withMinute(minute), now, 1, ChronoUnit.HOURS);
            case DAILY -> later(now.toLocalDate().atTime(hour, minute), now, 1, ChronoUnit.DAYS);
            case WEEKLY -> later(now.toLocalDate().with(TemporalAdjusters.nextOrSame(weekday())).atTime(hour, minute),
                    now, 1, ChronoUnit.WEEKS);
            case MONTHLY -> nextMonthly(now);
            case CUSTOM -> throw new IllegalStateException("unreachable");
        };
        return candidate.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime later(LocalDateTime candidate, LocalDateTime now, long amount, ChronoUnit unit) {
        return candidate.isAfter(now) ? candidate : candidate.plus(amount, unit);
    }

    private DayOfWeek weekday() {
        return dayOfWeek % 7 == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(dayOfWeek);
    }

    private LocalDateTime nextMonthly(LocalDateTime now) {
        YearMonth month = YearMonth.from(now);
        // Two consecutive months always include one of 31 days, so three tries suffice.
        for (int i = 0; i < 3; i++, month = month.plusMonths(1)) {
            if (dayOfMonth <= month.lengthOfMonth()) {
                LocalDateTime candidate = month.atDay(dayOfMonth).atTime(hour, minute);
                if (candidate.isAfter(now)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("unreachable: no day " + dayOfMonth + " within three months of " + now);
    }

    private static void check(TimeField field, int value) {
        if (value < field.min() || value > field.max()) {
            throw new IllegalArgumentException(field.field() + " out of range " + field.min() + ".." + field.max()
                    + ": " + value);
        }
    }
}
