package io.mirrordrill.port.element;

import java.time.Instant;
import java.util.List;

/**
 * {@code CreateSchedule} of a {@code Snapshot} schedule with {@code attributes.frequency = "Time Interval"}: a
 * snapshot of each volume every {@code hours}:{@code minutes}, named {@code snapshotName}, kept for
 * {@code retention} ({@code HH:mm:ss}, null or empty to keep it until deleted). The first run is one interval after
 * {@code startingDate} (now when null).
 */
public record ScheduleCreate(String scheduleName, int hours, int minutes, List<Long> volumeIDs, String snapshotName,
                             String retention, boolean paused, Instant startingDate) {
    public ScheduleCreate {
        volumeIDs = List.copyOf(volumeIDs);
    }

    public static ScheduleCreate every(String scheduleName, int hours, int minutes, List<Long> volumeIDs,
                                       String retention) {
        return new ScheduleCreate(scheduleName, hours, minutes, volumeIDs, scheduleName, retention, false, null);
    }
}
