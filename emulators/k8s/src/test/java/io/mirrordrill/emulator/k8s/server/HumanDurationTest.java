package io.mirrordrill.emulator.k8s.server;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HumanDurationTest {
    @ParameterizedTest(name = "{0} s is {1}")
    @CsvSource({"-2, <invalid>", "-1, 0s", "0, 0s", "119, 119s", "120, 2m", "200, 3m20s", "600, 10m", "10799, 179m",
            "10800, 3h", "18720, 5h12m", "28800, 8h", "169200, 47h", "172800, 2d", "273600, 3d4h", "691200, 8d",
            "29289600, 339d", "63072000, 2y", "63504000, 2y5d", "252288000, 8y"})
    void durationsAreWrittenAsKubectlWritesAges(long seconds, String expected) {
        assertEquals(expected, HumanDuration.format(Duration.ofSeconds(seconds)));
    }

    @ParameterizedTest(name = "age of ''{0}'' is {1}")
    @CsvSource({"'', <unknown>", "yesterday, <invalid>", "2026-01-01T00:00:00Z, 95s"})
    void anAgeCountsFromTheTimestampToTheGivenNow(String timestamp, String expected) {
        assertEquals(expected, HumanDuration.since(timestamp, Instant.parse("2026-01-01T00:01:35Z")));
    }
}
