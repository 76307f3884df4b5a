package io.mirrordrill.port.element;

/**
 * {@code ModifySchedule {scheduleID, paused, hours, minutes, scheduleInfo.retention, toBeDeleted}}: null fields are
 * left as they are. {@code toBeDeleted} removes the schedule, as Element deletes schedules.
 */
public record ScheduleModify(long scheduleID, Boolean paused, Integer hours, Integer minutes, String retention,
                             Boolean toBeDeleted) {
    public static ScheduleModify of(long scheduleID) {
        return new ScheduleModify(scheduleID, null, null, null, null, null);
    }

    public ScheduleModify withPaused(boolean value) {
        return new ScheduleModify(scheduleID, value, hours, minutes, retention, toBeDeleted);
    }

    public ScheduleModify withInterval(int newHours, int newMinutes) {
        return new ScheduleModify(scheduleID, paused, newHours, newMinutes, retention, toBeDeleted);
    }

    public ScheduleModify withRetention(String value) {
        return new ScheduleModify(scheduleID, paused, hours, minutes, value, toBeDeleted);
    }

    public ScheduleModify deleted() {
        return new ScheduleModify(scheduleID, paused, hours, minutes, retention, true);
    }
}
