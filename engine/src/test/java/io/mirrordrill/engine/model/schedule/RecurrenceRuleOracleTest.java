package io.mirrordrill.engine.model.schedule;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine's RRULE (FREQ and INTERVAL, docs/architecture.md says why it is its own) against lib-recur, a
 * well-kept RFC 5545 implementation: for generated rules and moments, both give the same next occurrence. The
 * starts include the 29th to 31st of a month, where RFC 5545 skips the months that lack the day.
 */
class RecurrenceRuleOracleTest {
    private static final long SEED = 5545;

    @Test
    void everyGeneratedRuleFiresWhenLibRecurSaysItDoes() throws InvalidRecurrenceRuleException {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int c = 0; c < 2_000; c++) {
            Frequency frequency = Frequency.values()[random.nextInt(Frequency.values().length)];
            int interval = 1 + random.nextInt(random.nextBoolean() ? 3 : 40);
            int day = random.nextInt(4) == 0 ? 29 + random.nextInt(3) : 1 + random.nextInt(28);
            LocalDateTime start = LocalDateTime.of(2020 + random.nextInt(6), 1 + random.nextInt(12), 1,
                    random.nextInt(24), random.nextInt(60), random.nextInt(60));
            start = start.withDayOfMonth(Math.min(day, start.toLocalDate().lengthOfMonth()));
            Instant startAt = start.toInstant(ZoneOffset.UTC);
            long span = switch (frequency) {
                case MINUTELY -> 3L * 24 * 3600;
                case HOURLY -> 60L * 24 * 3600;
                default -> 4L * 365 * 24 * 3600;
            };
            Instant after = startAt.plusSeconds(random.nextLong(-3600, span));
            String text = "DTSTART:" + String.format("%04d%02d%02dT%02d%02d%02dZ", start.getYear(),
                    start.getMonthValue(), start.getDayOfMonth(), start.getHour(), start.getMinute(),
                    start.getSecond()) + "\nRRULE:FREQ=" + frequency + ";INTERVAL=" + interval;

            Instant ours = RecurrenceRule.parse(text).next(after);
            assertEquals(oracle(frequency, interval, startAt, after), ours, "case " + c + " (seed " + SEED + "): "
                    + text.replace('\n', ' ') + ", next after " + after);
        }
    }

    /** lib-recur's first occurrence strictly after {@code after}. */
    private static Instant oracle(Frequency frequency, int interval, Instant start, Instant after)
            throws InvalidRecurrenceRuleException {
        org.dmfs.rfc5545.recur.RecurrenceRule rule = new org.dmfs.rfc5545.recur.RecurrenceRule("FREQ=" + frequency
                + ";INTERVAL=" + interval);
        RecurrenceRuleIterator it = rule.iterator(new DateTime(TimeZone.getTimeZone("UTC"), start.toEpochMilli()));
        it.fastForward(after.toEpochMilli() + 1_000); // whole seconds: lib-recur compares at second precision
        return Instant.ofEpochMilli(it.nextMillis());
    }
}
