package io.mirrordrill.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.engine.model.schedule.Recurrence;
import io.mirrordrill.engine.model.schedule.RecurrenceRule;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DueOccurrenceTest {
    private static final RecurrenceRule EVERY_5 = RecurrenceRule.parse(
            "DTSTART:20220101T000200Z\nRRULE:FREQ=MINUTELY;INTERVAL=5");

    private static Instant t(String time) {
        return Instant.parse("2026-01-01T" + time + "Z");
    }

    @Test
    void nothingIsDueBeforeTheFirstOccurrenceAfterTheStart() {
        assertEquals(Optional.empty(), DueOccurrence.latest(EVERY_5, t("00:02:00"), t("00:06:59")));
    }

    @Test
    void theOccurrenceAtNowIsDueAndOnlyTheLatestOfSeveralMissedOnes() {
        assertEquals(Optional.of(t("00:07:00")), DueOccurrence.latest(EVERY_5, t("00:02:00"), t("00:07:00")));
        assertEquals(Optional.of(t("00:57:00")), DueOccurrence.latest(EVERY_5, t("00:02:00"), t("00:59:30")));
    }

    @Test
    void aYearLongOutageOfAMinutelyScheduleIsFoundInFewSteps() {
        int[] steps = {0};
        Recurrence counted = after -> {
            steps[0]++;
            return RecurrenceRule.parse("DTSTART:20200101T000000Z\nRRULE:FREQ=MINUTELY").next(after);
        };
        assertEquals(Optional.of(Instant.parse("2027-01-01T00:00:00Z")), DueOccurrence.latest(counted,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:30Z")));
        assertTrue(steps[0] < 20, steps[0] + " steps");
    }

    @Test
    void theLatestIsFoundWhenTheWidenedWindowHoldsTwoOccurrencesOfAMonthlyRuleThatSkipsShortMonths() {
        // the 31st of each month: Jul 31 and Aug 31 are a month apart, the next (Oct 31) two months after
        RecurrenceRule on31st = RecurrenceRule.parse("DTSTART:20260131T000000Z\nRRULE:FREQ=MONTHLY");
        assertEquals(Optional.of(Instant.parse("2026-08-31T00:00:00Z")), DueOccurrence.latest(on31st,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-10-30T00:00:00Z")));
    }
}
