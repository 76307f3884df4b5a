package io.mirrordrill.emulator.ontap.snapmirror;

import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.ScheduleRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CronScheduleTest {
    private final CronSchedule fiveMin = CronSchedule.builtIns().get("5min");

    @Test
    void fiveMinFiresOnEveryFifthMinuteStrictlyAfterTheGivenTime() {
        assertEquals(Instant.parse("2026-01-01T00:05:00Z"), fiveMin.next(Instant.parse("2026-01-01T00:00:00Z")));
        assertEquals(Instant.parse("2026-01-01T00:05:00Z"), fiveMin.next(Instant.parse("2026-01-01T00:04:59Z")));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), fiveMin.next(Instant.parse("2025-12-31T23:55:00Z")));
    }

    @Test
    void builtInsFireAtOntapsDefaultTimes() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");  // a Thursday
        assertEquals(Instant.parse("2026-01-01T00:05:00Z"), CronSchedule.builtIns().get("hourly").next(t));
        assertEquals(Instant.parse("2026-01-01T00:10:00Z"), CronSchedule.builtIns().get("daily").next(t));
        assertEquals(Instant.parse("2026-01-01T02:15:00Z"), CronSchedule.builtIns().get("8hour").next(t));
        assertEquals(Instant.parse("2026-01-04T00:15:00Z"), CronSchedule.builtIns().get("weekly").next(t));
    }

    @Test
    void monthsAndDaysNarrowTheMatch() {
        CronSchedule s = new CronSchedule(new ScheduleRecord("leap", List.of(30), List.of(1), List.of(29),
                List.of(), List.of(2)));
        assertEquals(Instant.parse("2028-02-29T01:30:00Z"), s.next(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void outOfRangeFieldsAreRefusedNamingTheField() {
        OntapException e = assertThrows(OntapException.class, () -> new CronSchedule(
                new ScheduleRecord("bad", List.of(60), List.of(), List.of(), List.of(), List.of())));
        assertEquals("cron.minutes", e.target());
    }
}
