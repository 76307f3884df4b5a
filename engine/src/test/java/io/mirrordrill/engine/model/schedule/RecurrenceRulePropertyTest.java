package io.mirrordrill.engine.model.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.testkit.property.Gen;
import io.mirrordrill.testkit.property.Property;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;
import org.junit.jupiter.api.Test;

/**
 * The engine's RRULE on generated rules, occurrence after occurrence: strictly increasing, none before DTSTART, spaced
 * by the interval, and the same sequence lib-recur (the oracle of RecurrenceRuleOracleTest) gives.
 */
class RecurrenceRulePropertyTest {
    private static final int OCCURRENCES = 12;
    /** 2020-01-01 to the end of 2029, to the second; a quarter of the starts on the 29th to 31st of a month. */
    private static final Gen<Instant> STARTS = Gen.zip(Gen.longs(0, 10L * 365 * 86_400 - 1),
            Gen.frequency(Gen.Weighted.of(3, Gen.constant(0)), Gen.Weighted.of(1, Gen.ints(29, 31))),
            (offset, day) -> {
                LocalDateTime t = LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(offset);
                return (day == 0 ? t : t.withDayOfMonth(Math.min(day, t.toLocalDate().lengthOfMonth())))
                        .toInstant(ZoneOffset.UTC);
            });
    private static final Gen<RecurrenceRule> RULES = Gen.zip(STARTS, Gen.elements(Frequency.values()),
            Gen.oneOf(Gen.ints(1, 3), Gen.ints(1, 40)), RecurrenceRule::new);

    private static List<Instant> occurrences(RecurrenceRule rule) {
        List<Instant> all = new ArrayList<>();
        Instant at = rule.start().minusSeconds(1);
        for (int i = 0; i < OCCURRENCES; i++) {
            at = rule.next(at);
            all.add(at);
        }
        return all;
    }

    @Test
    void occurrencesStartAtDtstartAndStrictlyIncrease() {
        Property.forAll(RULES).check(rule -> {
            List<Instant> all = occurrences(rule);
            assertEquals(rule.start(), all.get(0), "the first occurrence is DTSTART");
            for (int i = 1; i < all.size(); i++) {
                assertTrue(all.get(i).isAfter(all.get(i - 1)), all.toString());
            }
        });
    }

    @Test
    void nothingBeforeDtstartIsAnOccurrence() {
        Property.forAll(Gen.zip(RULES, Gen.longs(1, 400L * 86_400), (rule, back) -> List.of(rule, back)))
                .check(c -> {
                    RecurrenceRule rule = (RecurrenceRule) c.get(0);
                    assertEquals(rule.start(), rule.next(rule.start().minusSeconds((Long) c.get(1))));
                });
    }

    @Test
    void occurrencesAreSpacedByTheInterval() {
        Property.forAll(RULES).check(rule -> {
            List<Instant> all = occurrences(rule);
            for (int i = 1; i < all.size(); i++) {
                if (rule.frequency() == Frequency.MONTHLY) {
                    LocalDateTime a = LocalDateTime.ofInstant(all.get(i - 1), ZoneOffset.UTC);
                    LocalDateTime b = LocalDateTime.ofInstant(all.get(i), ZoneOffset.UTC);
                    long months = ChronoUnit.MONTHS.between(a.withDayOfMonth(1), b.withDayOfMonth(1));
                    assertTrue(months > 0 && months % rule.interval() == 0, a + " -> " + b);
                    assertEquals(a.toLocalTime(), b.toLocalTime());
                    assertEquals(a.getDayOfMonth(), b.getDayOfMonth());
                } else {
                    assertEquals(rule.frequency().unit().multipliedBy(rule.interval()),
                            Duration.between(all.get(i - 1), all.get(i)));
                }
            }
        });
    }

    @Test
    void theOccurrencesAreTheOnesLibRecurGives() {
        Property.forAll(RULES).check(rule -> {
            RecurrenceRuleIterator it = new org.dmfs.rfc5545.recur.RecurrenceRule("FREQ=" + rule.frequency()
                    + ";INTERVAL=" + rule.interval()).iterator(new DateTime(TimeZone.getTimeZone("UTC"),
                    rule.start().toEpochMilli()));
            List<Instant> oracle = new ArrayList<>();
            for (int i = 0; i < OCCURRENCES; i++) {
                oracle.add(Instant.ofEpochMilli(it.nextMillis()));
            }
            assertEquals(oracle, occurrences(rule));
        });
    }
}
