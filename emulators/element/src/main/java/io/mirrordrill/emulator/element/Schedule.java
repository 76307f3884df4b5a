package io.mirrordrill.emulator.element;

import io.mirrordrill.port.element.ScheduleRecord;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A {@code Time Interval} snapshot schedule and the timer of its next run. */
final class Schedule {
    static final String TYPE = "Snapshot";
    static final String FREQUENCY = "Time Interval";

    final long id;
    final String name;
    final List<Long> volumeIDs;
    final String snapshotName;
    final Instant startingDate;
    int hours;
    int minutes;
    String retention;
    boolean paused;
    String lastRunStatus = "";
    Instant lastRunTimeStarted;
    boolean hasError;
    World.Timer next;

    Schedule(long id, String name, List<Long> volumeIDs, String snapshotName, Instant startingDate, int hours,
             int minutes, String retention, boolean paused) {
        this.id = id;
        this.name = name;
        this.volumeIDs = List.copyOf(new java.util.LinkedHashSet<>(volumeIDs)); // a volume named twice is snapshotted once
        this.snapshotName = snapshotName;
        this.startingDate = startingDate;
        this.hours = hours;
        this.minutes = minutes;
        this.retention = retention;
        this.paused = paused;
    }

    Duration interval() {
        return Duration.ofHours(hours).plusMinutes(minutes);
    }

    ScheduleRecord record() {
        return new ScheduleRecord(id, name, TYPE, FREQUENCY, hours, minutes, paused, true, volumeIDs,
                snapshotName == null ? "" : snapshotName, retention == null ? "" : retention, lastRunStatus,
                lastRunTimeStarted, hasError, startingDate);
    }
}
