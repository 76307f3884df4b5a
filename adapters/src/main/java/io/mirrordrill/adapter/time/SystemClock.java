package io.mirrordrill.adapter.time;

import io.mirrordrill.port.Clock;

import java.time.Instant;

/**
 * The {@link Clock} port on the machine's clock, for the real-time modes (serve, controller). It is the wall clock
 * in UTC, not a monotonic one: what the engine reads from it ends up in status timestamps and is matched against
 * recurrence rules, which are wall-clock dates.
 */
public final class SystemClock implements Clock {
    private final java.time.Clock clock;

    /** The system's UTC clock. */
    public SystemClock() {
        this(java.time.Clock.systemUTC());
    }

    /** A JDK clock as the port, e.g. {@code java.time.Clock.offset(...)} to run a real-time mode shifted in time. */
    public SystemClock(java.time.Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }
}
