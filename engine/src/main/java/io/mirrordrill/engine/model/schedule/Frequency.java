package io.mirrordrill.engine.model.schedule;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The RRULE frequencies supported: fixed steps in UTC, except MONTHLY which steps calendar months. */
public enum Frequency {
    MINUTELY(Duration.ofMinutes(1)),
    HOURLY(Duration.ofHours(1)),
    DAILY(Duration.ofDays(1)),
    WEEKLY(Duration.ofDays(7)),
    MONTHLY(null);

    private final Duration unit;

    Frequency(Duration unit) {
        this.unit = unit;
    }

    /** The length of one step, or null for MONTHLY (months differ in length). */
    Duration unit() {
        return unit;
    }

    static Optional<Frequency> parse(String raw) {
        return Arrays.stream(values()).filter(f -> f.name().equals(raw)).findFirst();
    }

    static String accepted() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
