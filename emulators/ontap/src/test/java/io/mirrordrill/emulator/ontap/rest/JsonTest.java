package io.mirrordrill.emulator.ontap.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void times_are_written_in_whole_seconds_with_a_utc_offset() {
        assertEquals("2026-01-01T00:05:00+00:00", Json.time(Instant.parse("2026-01-01T00:05:00.987654321Z")));
        assertEquals("2026-03-04T05:06:07+00:00", Json.time(Instant.parse("2026-03-04T05:06:07Z")));
    }

    @Test
    void durations_are_written_in_whole_seconds_with_days_split_off() {
        assertEquals("PT0S", Json.duration(Duration.ofMillis(999)));
        assertEquals("PT1M4S", Json.duration(Duration.ofMillis(64_250)));
        assertEquals("PT1H", Json.duration(Duration.ofHours(1)));
        assertEquals("P1D", Json.duration(Duration.ofDays(1)));
        assertEquals("P1DT2H59S", Json.duration(Duration.ofDays(1).plusHours(2).plusSeconds(59)));
        assertEquals("P3DT10M", Json.duration(Duration.ofDays(3).plusMinutes(10)));
    }

    @Test
    void a_record_carries_times_and_durations_in_those_forms() {
        var node = Json.object().put("end_time", Instant.parse("2026-01-01T00:00:01.25Z"))
                .put("total_duration", Duration.ofNanos(214_800_000)).node();

        assertEquals("{\"end_time\":\"2026-01-01T00:00:01+00:00\",\"total_duration\":\"PT0S\"}", node.toString());
    }
}
