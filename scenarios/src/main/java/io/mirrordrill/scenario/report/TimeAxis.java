package io.mirrordrill.scenario.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Simulated time left to right, shared by the timeline and the lag plots: x positions, round tick steps (at most ten
 * ticks) and each tick's simulated calendar time.
 */
final class TimeAxis {
    private static final long S = 1000;
    private static final long M = 60 * S;
    private static final long H = 60 * M;
    /** Steps a person reads without arithmetic. */
    private static final long[] STEPS = {S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, M, 2 * M, 5 * M, 10 * M, 15 * M,
        30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, 24 * H};
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    final long from;
    final long end;
    final double left;
    final double width;
    private final Instant begin;

    TimeAxis(long endMillis, String begin, double left, double width) {
        this(0, endMillis, begin, left, width);
    }

    /** An axis over part of the drill, {@code from} to {@code to} (a close-up). */
    TimeAxis(long from, long to, String begin, double left, double width) {
        this.from = Math.max(0, from);
        this.end = Math.max(this.from + 1, to);
        this.left = left;
        this.width = width;
        this.begin = parse(begin);
    }

    double x(long millis) {
        return left + width * (double) (Math.max(from, Math.min(millis, end)) - from) / (end - from);
    }

    boolean shows(long start, long stop) {
        return stop >= from && start <= end;
    }

    /** The smallest round step that gives at most ten ticks. */
    long step() {
        return roundStep(end - from, 10);
    }

    /** The smallest round step that cuts {@code span} into at most {@code parts}. */
    static long roundStep(long span, int parts) {
        for (long s : STEPS) {
            if (span / s <= parts) {
                return s;
            }
        }
        return (span / parts / (24 * H) + 1) * 24 * H;
    }

    List<Long> ticks() {
        List<Long> out = new ArrayList<>();
        long step = step();
        for (long t = (from + step - 1) / step * step; t <= end; t += step) {
            out.add(t);
        }
        return out;
    }

    /** The simulated calendar time of a tick ({@code 00:25}, or with seconds when ticks are under a minute). */
    String calendar(long millis) {
        if (begin == null) {
            return "";
        }
        return (step() < M ? SECONDS : MINUTES).format(begin.plusMillis(millis));
    }

    /** The simulated calendar time of a moment, to the second ({@code 00:23:22}); empty when unknown. */
    String moment(long millis) {
        return begin == null ? "" : SECONDS.format(begin.plusMillis(millis));
    }

    /** The axis title: what the numbers are, and the calendar time the drill began at. */
    String title() {
        return "simulated time since the drill began (h:mm:ss), every " + Clock.duration(step())
                + (begin == null ? "" : "; below it the simulated calendar time, UTC (began " + DAY.format(begin) + ")");
    }

    private static Instant parse(String begin) {
        try {
            return begin == null ? null : Instant.parse(begin);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
