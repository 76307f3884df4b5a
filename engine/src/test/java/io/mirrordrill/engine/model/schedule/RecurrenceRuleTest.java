package io.mirrordrill.engine.model.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RecurrenceRuleTest {
    private static final String SEED = "DTSTART:20220101T000200Z\nRRULE:FREQ=MINUTELY;INTERVAL=5";
    private static final Instant START = Instant.parse("2022-01-01T00:02:00Z");

    @Test
    void theSeedRuleStartsAtTwoPastMidnightAndRepeatsEveryFiveMinutes() {
        RecurrenceRule rule = RecurrenceRule.parse(SEED);
        assertEquals(new RecurrenceRule(START, Frequency.MINUTELY, 5), rule);
        assertEquals(SEED, rule.toText());
    }

    @Test
    void nextBeforeTheStartIsTheStart() {
        RecurrenceRule rule = RecurrenceRule.parse(SEED);
        assertEquals(START, rule.next(Instant.parse("2021-06-01T00:00:00Z")));
        assertEquals(START, rule.next(START.minusNanos(1)));
    }

    @Test
    void nextIsStrictlyAfterSoAnOccurrenceDoesNotRepeatItself() {
        RecurrenceRule rule = RecurrenceRule.parse(SEED);
        assertEquals(START.plusSeconds(300), rule.next(START));
        assertEquals(START.plusSeconds(600), rule.next(START.plusSeconds(300)));
    }

    @ParameterizedTest(name = "after {0} comes {1}")
    @CsvSource({
        "2022-01-01T00:02:00.000000001Z, 2022-01-01T00:07:00Z",
        "2022-01-01T00:06:59.999999999Z, 2022-01-01T00:07:00Z",
        "2022-01-01T00:07:00Z,           2022-01-01T00:12:00Z",
        "2023-03-15T10:00:00Z,           2023-03-15T10:02:00Z",
        "2023-03-15T10:02:30Z,           2023-03-15T10:07:00Z",
        "2023-12-31T23:59:59Z,           2024-01-01T00:02:00Z"
    })
    void nextFindsTheFollowingFiveMinuteSlotAlignedOnTheStart(String after, String expected) {
        assertEquals(Instant.parse(expected), RecurrenceRule.parse(SEED).next(Instant.parse(after)));
    }

    @ParameterizedTest(name = "FREQ={0};INTERVAL={1} after {2} is {3}")
    @CsvSource({
        "HOURLY, 2, 2022-01-01T01:00:00Z, 2022-01-01T02:02:00Z",
        "HOURLY, 2, 2022-01-01T02:02:00Z, 2022-01-01T04:02:00Z",
        "DAILY,  1, 2022-01-01T00:02:00Z, 2022-01-02T00:02:00Z",
        "DAILY,  3, 2022-01-05T12:00:00Z, 2022-01-07T00:02:00Z",
        "WEEKLY, 1, 2022-01-01T00:02:01Z, 2022-01-08T00:02:00Z",
        "WEEKLY, 2, 2022-01-09T00:00:00Z, 2022-01-15T00:02:00Z",
        "MONTHLY, 1, 2022-01-01T00:02:00Z, 2022-02-01T00:02:00Z",
        "MONTHLY, 5, 2022-03-01T00:00:00Z, 2022-06-01T00:02:00Z",
        "MONTHLY, 12, 2022-01-01T00:02:00Z, 2023-01-01T00:02:00Z"
    })
    void everySupportedFrequencyStepsFromTheStartByItsInterval(String freq, int interval, String after,
            String expected) {
        RecurrenceRule rule = RecurrenceRule.parse("DTSTART:20220101T000200Z\nRRULE:FREQ=" + freq + ";INTERVAL="
                + interval);
        assertEquals(Instant.parse(expected), rule.next(Instant.parse(after)));
    }

    @Test
    void aMonthlyRuleStartedOnThe31stSkipsMonthsWithoutA31st() {
        RecurrenceRule rule = RecurrenceRule.parse("DTSTART:20220131T120000Z\nRRULE:FREQ=MONTHLY");
        assertEquals(Instant.parse("2022-03-31T12:00:00Z"), rule.next(Instant.parse("2022-01-31T12:00:00Z")));
        assertEquals(Instant.parse("2022-05-31T12:00:00Z"), rule.next(Instant.parse("2022-03-31T12:00:00Z")));
    }

    @Test
    void aMonthlyRuleOnLeapDayOccursOnlyInLeapYears() {
        RecurrenceRule rule = RecurrenceRule.parse("DTSTART:20200229T000000Z\nRRULE:FREQ=MONTHLY;INTERVAL=12");
        assertEquals(Instant.parse("2024-02-29T00:00:00Z"), rule.next(Instant.parse("2020-02-29T00:00:00Z")));
    }

    @Test
    void aStartInTheFutureIsTheFirstOccurrenceWhateverTheFrequency() {
        RecurrenceRule rule = RecurrenceRule.parse("DTSTART:20300101T000000Z\nRRULE:FREQ=MONTHLY;INTERVAL=3");
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), rule.next(Instant.parse("2025-07-01T00:00:00Z")));
        assertEquals(Instant.parse("2030-04-01T00:00:00Z"), rule.next(Instant.parse("2030-01-01T00:00:00Z")));
    }

    @Test
    void occurrencesFarFromTheStartAreComputedWithoutWalkingEveryStep() {
        RecurrenceRule rule = RecurrenceRule.parse("DTSTART:20000101T000000Z\nRRULE:FREQ=MINUTELY;INTERVAL=7");
        Instant after = Instant.parse("2999-06-30T13:45:10Z");
        Instant next = rule.next(after);
        long offset = next.getEpochSecond() - Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
        assertEquals(0, offset % 420);
        assertTrue(next.isAfter(after) && !next.minusSeconds(420).isAfter(after));
    }

    @Test
    void crlfLineEndingsBlankLinesAndLowerCaseNamesAreAccepted() {
        RecurrenceRule rule = RecurrenceRule.parse("\r\ndtstart:20220101T000200Z\r\n\r\nrrule:freq=minutely;interval=5\r\n");
        assertEquals(new RecurrenceRule(START, Frequency.MINUTELY, 5), rule);
    }

    @Test
    void intervalDefaultsToOne() {
        assertEquals(1, RecurrenceRule.parse("DTSTART:20220101T000200Z\nRRULE:FREQ=HOURLY").interval());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "DTSTART:2022-01-01T00:02:00Z\\nRRULE:FREQ=MINUTELY | is not a UTC date-time in basic format | 20220101T000200Z",
        "DTSTART:20220101T000200\\nRRULE:FREQ=MINUTELY | is not a UTC date-time in basic format | trailing Z",
        "DTSTART;TZID=Europe/Paris:20220101T000200\\nRRULE:FREQ=MINUTELY | DTSTART parameters | without TZID",
        "DTSTART:20221301T000200Z\\nRRULE:FREQ=MINUTELY | is not a valid date and time | real calendar date",
        "DTSTART:20220230T000200Z\\nRRULE:FREQ=MINUTELY | is not a valid date and time | real calendar date",
        "RRULE:FREQ=MINUTELY;INTERVAL=5 | DTSTART is missing | DTSTART:20220101T000200Z",
        "DTSTART:20220101T000200Z | RRULE is missing | RRULE:FREQ=MINUTELY;INTERVAL=5",
        "DTSTART:20220101T000200Z\\nRRULE:INTERVAL=5 | RRULE has no FREQ | add FREQ",
        "DTSTART:20220101T000200Z\\nRRULE:FREQ=SECONDLY | FREQ=SECONDLY is not supported | MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY",
        "DTSTART:20220101T000200Z\\nRRULE:FREQ=YEARLY | FREQ=YEARLY is not supported | MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY",
        "DTSTART:20220101T000200Z\\nRRULE:FREQ=MINUTELY;INTERVAL=0 | INTERVAL=0 is not a positive integer | at least 1",
        "DTSTART:20220101T000200Z\\nRRULE:FREQ=MINUTELY;INTERVAL=-5 | INTERVAL=-5 is not a positive integer | at least 1",
        "DTSTART:20220101T000200Z\\nRRULE:FREQ=MINUTELY;INTERVAL=five | INTERVAL=five is not a positive integer | INTERVAL=5",
        "DTSTART:20220101T000200Z\\nRRULE:FREQ=DAILY;BYHOUR=3 | RRULE part BYHOUR is not supported | granularity Hourly, Daily",
        "DTSTART:20220101T000200Z\\nRRULE:FREQ=WEEKLY;BYDAY=MO | RRULE part BYDAY is not supported | remove BYDAY",
        "DTSTART:20220101T000200Z\\nRRULE:FREQ=DAILY;COUNT=3 | RRULE part COUNT is not supported | remove COUNT",
        "DTSTART:20220101T000200Z\\nRRULE:FREQ=DAILY;COLOR=red | unknown RRULE part COLOR | only FREQ and INTERVAL",
        "DTSTART:20220101T000200Z\\nRRULE:FREQ=DAILY;FREQ=HOURLY | RRULE part FREQ appears twice | keep one FREQ",
        "DTSTART:20220101T000200Z\\nRRULE:FREQ=DAILY;; | is not NAME=VALUE | separate parts with ';'",
        "DTSTART:20220101T000200Z\\nRRULE: | RRULE has no parts | RRULE:FREQ=MINUTELY",
        "DTSTART:20220101T000200Z\\nEXDATE:20220102T000200Z\\nRRULE:FREQ=DAILY | unsupported line | only a DTSTART line and an RRULE line",
        "DTSTART:20220101T000200Z\\nDTSTART:20220101T000300Z\\nRRULE:FREQ=DAILY | more than one DTSTART line | exactly one DTSTART",
        " | the recurrence rule is empty | write two lines"
    })
    void anInvalidRuleIsRefusedWithWhatIsWrongAndHowToFixIt(String text, String reason, String fix) {
        String rule = text == null ? "" : text.replace("\\n", "\n");
        RecurrenceException e = assertThrows(RecurrenceException.class, () -> RecurrenceRule.parse(rule));
        assertTrue(e.reason().contains(reason), () -> "reason: " + e.reason());
        assertTrue(e.fix().contains(fix), () -> "fix: " + e.fix());
    }

    @Test
    void aLiteralBackslashNInsteadOfALineBreakIsExplained() {
        RecurrenceException e = assertThrows(RecurrenceException.class,
                () -> RecurrenceRule.parse("DTSTART:20220101T000200Z\\nRRULE:FREQ=MINUTELY;INTERVAL=5"));
        assertTrue(e.reason().contains("literal \\n"), e.reason());
        assertTrue(e.fix().contains("recurrenceRule: |-"), e.fix());
    }
}
