package io.mirrordrill.engine.model.schedule;

import java.time.Instant;

/** When a Schedule fires. All schedules are computed in UTC, as Trident protect's are. */
public interface Recurrence {
    /** The first occurrence strictly after {@code after}; a schedule fired at t asks for {@code next(t)}. */
    Instant next(Instant after);
}
