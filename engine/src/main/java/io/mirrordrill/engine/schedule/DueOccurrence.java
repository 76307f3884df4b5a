package io.mirrordrill.engine.schedule;

import io.mirrordrill.engine.model.schedule.Recurrence;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The occurrence of a schedule that is due: the latest one in {@code (after, now]}. Missed occurrences (an engine
 * that was down) are not made up one by one: only the latest fires, as a CronJob without a backlog does. Found by
 * widening a window back from {@code now} (1 s, 2 s, 4 s...), so a long outage costs a few dozen steps, not one per
 * missed occurrence.
 */
final class DueOccurrence {
    private DueOccurrence() {}

    static Optional<Instant> latest(Recurrence recurrence, Instant after, Instant now) {
        for (Duration width = Duration.ofSeconds(1); ; width = width.multipliedBy(2)) {
            Instant from = now.minus(width);
            boolean reachedAfter = !from.isAfter(after);
            Instant first = recurrence.next(reachedAfter ? after : from);
            if (!first.isAfter(now)) {
                Instant latest = first;
                for (Instant n = recurrence.next(latest); !n.isAfter(now); n = recurrence.next(n)) {
                    latest = n;
                }
                return Optional.of(latest);
            }
            if (reachedAfter) {
                return Optional.empty();
            }
        }
    }
}
