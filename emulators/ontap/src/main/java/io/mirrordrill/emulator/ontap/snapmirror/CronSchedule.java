package io.mirrordrill.emulator.ontap.snapmirror;

import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.ScheduleRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An ONTAP cron job schedule ({@code job schedule cron}): minutes, hours, days of month, weekdays and months, each
 * empty for "every". Evaluated in UTC (the emulated clusters' time zone).
 */
public final class CronSchedule {
    private final ScheduleRecord record;

    public CronSchedule(ScheduleRecord record) {
        check(record.minutes(), 0, 59, "cron.minutes");
        check(record.hours(), 0, 23, "cron.hours");
        check(record.days(), 1, 31, "cron.days");
        check(record.weekdays(), 0, 6, "cron.weekdays");
        check(record.months(), 1, 12, "cron.months");
        this.record = record;
    }

    /** The schedules every ONTAP cluster ships with, at ONTAP's default times. */
    public static Map<String, CronSchedule> builtIns() {
        Map<String, CronSchedule> m = new TreeMap<>();
        List<Integer> every5 = List.of(0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55);
        m.put("5min", of("5min", every5, List.of(), List.of(), List.of()));
        m.put("hourly", of("hourly", List.of(5), List.of(), List.of(), List.of()));
        m.put("8hour", of("8hour", List.of(15), List.of(2, 10, 18), List.of(), List.of()));
        m.put("daily", of("daily", List.of(10), List.of(0), List.of(), List.of()));
        m.put("weekly", of("weekly", List.of(15), List.of(0), List.of(), List.of(0)));
        return m;
    }

    private static CronSchedule of(String name, List<Integer> minutes, List<Integer> hours, List<Integer> days,
                                   List<Integer> weekdays) {
        return new CronSchedule(new ScheduleRecord(name, minutes, hours, days, weekdays, List.of()));
    }

    public String name() {
        return record.name();
    }

    public ScheduleRecord record() {
        return record;
    }

    /** The first matching minute strictly after {@code after}. */
    public Instant next(Instant after) {
        LocalDateTime t = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = t.toLocalDate();
        for (int d = 0; d < 366 * 8; d++, day = day.plusDays(1)) {
            if (!matchesDay(day)) {
                continue;
            }
            int fromMinute = day.equals(t.toLocalDate()) ? t.getHour() * 60 + t.getMinute() : 0;
            for (int m = fromMinute; m < 24 * 60; m++) {
                if (matches(record.hours(), m / 60) && matches(record.minutes(), m % 60)) {
                    return day.atStartOfDay().plusMinutes(m).toInstant(ZoneOffset.UTC);
                }
            }
        }
        throw new OntapException(400, OntapErrors.INVALID, "schedule \"" + name() + "\" never fires", "cron");
    }

    private boolean matchesDay(LocalDate day) {
        return matches(record.months(), day.getMonthValue()) && matches(record.days(), day.getDayOfMonth())
                && matches(record.weekdays(), day.getDayOfWeek().getValue() % 7);
    }

    private static boolean matches(List<Integer> allowed, int value) {
        return allowed.isEmpty() || allowed.contains(value);
    }

    private static void check(List<Integer> values, int min, int max, String field) {
        for (int v : values) {
            if (v < min || v > max) {
                throw new OntapException(400, OntapErrors.INVALID_VALUE,
                        "\"" + v + "\" is an invalid value for field \"" + field + "\": must be between " + min
                        + " and " + max, field);
            }
        }
    }
}
