package io.mirrordrill.port.element;

import java.time.Instant;
import java.util.List;

/**
 * A schedule as {@code ListSchedules} returns it (only {@code Snapshot} schedules of frequency
 * {@code Time Interval} are modelled). {@code lastRunStatus} is {@code Success} or {@code Failed}, empty before the
 * first run; {@code lastRunTimeStarted} is null before it.
 */
public record ScheduleRecord(long scheduleID, String scheduleName, String scheduleType, String frequency, int hours,
                             int minutes, boolean paused, boolean recurring, List<Long> volumeIDs,
                             String snapshotName, String retention, String lastRunStatus,
                             Instant lastRunTimeStarted, boolean hasError, Instant startingDate) {
    public ScheduleRecord {
        volumeIDs = List.copyOf(volumeIDs);
    }
}
