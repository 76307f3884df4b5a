package io.mirrordrill.runtime;

import java.time.Duration;

/** Exponential retry delay: base x 2^(failures-1), capped. Deterministic: no jitter, so drills replay exactly. */
public record Backoff(Duration base, Duration max) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    public Duration delay(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        Duration d = base.multipliedBy(1L << Math.min(failures - 1, 30));
        return d.compareTo(max) > 0 ? max : d;
    }
}
