package io.mirrordrill.port.ontap;

import java.util.List;

/**
 * {@code /api/cluster/schedules} cron record. An empty list means "every": minutes 0-59, hours 0-23,
 * days 1-31, weekdays 0-6 (Sunday = 0), months 1-12.
 */
public record ScheduleRecord(String name, List<Integer> minutes, List<Integer> hours, List<Integer> days,
                             List<Integer> weekdays, List<Integer> months) {}
