package io.mirrordrill.engine.model.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.engine.model.ScheduleSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarRecurrenceTest {

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @ParameterizedTest(name = "hourly at :15 after {0} is {1}")
    @CsvSource({
        "2024-05-10T10:00:00Z, 2024-05-10T10:15:00Z",
        "2024-05-10T10:14:59.999Z, 2024-05-10T10:15:00Z",
        "2024-05-10T10:15:00Z, 2024-05-10T11:15:00Z",
        "2024-05-10T23:30:00Z, 2024-05-11T00:15:00Z"
    })
    void hourlyFiresAtItsMinuteEveryHour(String after, String expected) {
        assertEquals(at(expected), CalendarRecurrence.hourly(15).next(at(after)));
    }

    @ParameterizedTest(name = "daily at 02:30 after {0} is {1}")
    @CsvSource({
        "2024-05-10T00:00:00Z, 2024-05-10T02:30:00Z",
        "2024-05-10T02:30:00Z, 2024-05-11T02:30:00Z",
        "2024-12-31T03:00:00Z, 2025-01-01T02:30:00Z",
        "2024-02-28T02:31:00Z, 2024-02-29T02:30:00Z"
    })
    void dailyFiresAtItsHourAndMinuteInUtc(String after, String expected) {
        assertEquals(at(expected), CalendarRecurrence.daily(2, 30).next(at(after)));
    }

    @ParameterizedTest(name = "weekly day {0} after {1} is {2}")
    @CsvSource({
        "0, 2024-05-10T12:00:00Z, 2024-05-12T01:00:00Z",
        "7, 2024-05-10T12:00:00Z, 2024-05-12T01:00:00Z",
        "5, 2024-05-10T00:59:00Z, 2024-05-10T01:00:00Z",
        "5, 2024-05-10T01:00:00Z, 2024-05-17T01:00:00Z",
        "1, 2024-05-12T23:00:00Z, 2024-05-13T01:00:00Z",
        "6, 2024-05-12T00:00:00Z, 2024-05-18T01:00:00Z"
    })
    void weeklyFiresOnItsWeekdayWithZeroAndSevenBothSunday(int dayOfWeek, String after, String expected) {
        // 2024-05-10 is a Friday.
        assertEquals(at(expected), CalendarRecurrence.weekly(dayOfWeek, 1, 0).next(at(after)));
    }

    @ParameterizedTest(name = "monthly day {0} after {1} is {2}")
    @CsvSource({
        "1, 2024-05-10T00:00:00Z, 2024-06-01T00:00:00Z",
        "10, 2024-05-09T23:59:59Z, 2024-05-10T00:00:00Z",
        "10, 2024-05-10T00:00:00Z, 2024-06-10T00:00:00Z",
        "31, 2024-04-01T00:00:00Z, 2024-05-31T00:00:00Z",
        "31, 2024-05-31T00:00:00Z, 2024-07-31T00:00:00Z",
        "30, 2024-01-31T00:00:00Z, 2024-03-30T00:00:00Z",
        "29, 2023-01-30T00:00:00Z, 2023-03-29T00:00:00Z",
        "29, 2024-01-30T00:00:00Z, 2024-02-29T00:00:00Z",
        "15, 2024-12-20T00:00:00Z, 2025-01-15T00:00:00Z"
    })
    void monthlyFiresOnItsDayAndSkipsMonthsWithoutIt(int dayOfMonth, String after, String expected) {
        assertEquals(at(expected), CalendarRecurrence.monthly(dayOfMonth, 0, 0).next(at(after)));
    }

    @Test
    void outOfRangeFieldsAreRejectedWhenBuiltInCode() {
        assertThrows(IllegalArgumentException.class, () -> CalendarRecurrence.hourly(60));
        assertThrows(IllegalArgumentException.class, () -> CalendarRecurrence.daily(24, 0));
        assertThrows(IllegalArgumentException.class, () -> CalendarRecurrence.weekly(8, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> CalendarRecurrence.monthly(0, 0, 0));
    }

    @Test
    void aScheduleSpecBecomesTheRecurrenceOfItsGranularity() {
        ScheduleSpec weekly = spec("weekly", "30", "4", "3", null, null);
        assertEquals(CalendarRecurrence.weekly(3, 4, 30), Recurrences.of(weekly));
        ScheduleSpec monthly = spec("Monthly", "0", "0", null, "1", null);
        assertEquals(CalendarRecurrence.monthly(1, 0, 0), Recurrences.of(monthly));
        ScheduleSpec custom = spec("custom", null, null, null, null,
                "DTSTART:20220101T000200Z\nRRULE:FREQ=MINUTELY;INTERVAL=5");
        assertInstanceOf(RecurrenceRule.class, Recurrences.of(custom));
        assertEquals(at("2022-01-01T00:07:00Z"), Recurrences.of(custom).next(at("2022-01-01T00:02:00Z")));
    }

    @Test
    void anInvalidScheduleSpecCannotBecomeARecurrence() {
        RecurrenceException missing = assertThrows(RecurrenceException.class,
                () -> Recurrences.of(spec("Daily", "5", null, null, null, null)));
        assertTrue(missing.reason().contains("hour"), missing.reason());
        RecurrenceException unknown = assertThrows(RecurrenceException.class,
                () -> Recurrences.of(spec("Yearly", "5", "1", null, null, null)));
        assertTrue(unknown.reason().contains("Yearly"), unknown.reason());
    }

    private static ScheduleSpec spec(String granularity, String minute, String hour, String dayOfWeek,
            String dayOfMonth, String rule) {
        return new ScheduleSpec("app", "vault", "0", "2", true, granularity, minute, hour, dayOfWeek, dayOfMonth, rule,
                null, null, null, null, null);
    }
}
