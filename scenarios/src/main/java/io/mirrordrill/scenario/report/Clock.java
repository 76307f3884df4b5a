package io.mirrordrill.scenario.report;

import io.mirrordrill.scenario.drill.Units;

import java.time.Duration;
import java.util.Locale;

/** Simulated times and durations as a person reads them. */
final class Clock {
    private Clock() {
    }

    /** Time since the drill began, {@code 1:05:03}. */
    static String of(long millis) {
        long s = millis / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** A duration as drills write it, {@code 1m24s}. */
    static String duration(long millis) {
        return Units.format(Duration.ofMillis(millis));
    }
}
