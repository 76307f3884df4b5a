package io.mirrordrill.emulator.k8s.cluster;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PodLogsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final PodLogs logs = new PodLogs();

    @Test
    void aContainersLogKeepsItsNewestTenMebibytesAsTheKubeletRotatesIt() {
        String kib = "x".repeat(1023); // 1 KiB with its newline
        for (int i = 0; i < 10 * 1024 + 5; i++) {
            logs.print("ns", "db-0", "db", T0.plusSeconds(i), i + kib.substring(String.valueOf(i).length()));
        }
        List<PodLogs.Entry> kept = logs.lines("ns", "db-0", "db");
        assertEquals(10 * 1024, kept.size());
        assertTrue(kept.get(0).line().text().startsWith("5x"), "the oldest five went first");
        assertEquals(T0.plusSeconds(10 * 1024 + 4), kept.get(kept.size() - 1).at());
    }

    @Test
    void followersHearNewLinesOfTheirContainerOnlyAndTheEndWhenThePodStops() {
        List<String> heard = new ArrayList<>();
        logs.follow("ns", "db-0", "db", new PodLogs.Follower() {
            @Override
            public void line(PodLogs.Entry entry) {
                heard.add(entry.line().text());
            }

            @Override
            public void end() {
                heard.add("<end>");
            }
        });
        logs.print("ns", "db-0", "db", T0, "one");
        logs.print("ns", "db-0", "sidecar", T0, "not mine");
        logs.print("ns", "db-01", "db", T0, "another pod");
        logs.stopped("ns", "db-0");
        logs.print("ns", "db-0", "db", T0, "after the end");
        assertEquals(List.of("one", "<end>"), heard);
    }

    @Test
    void aRemovedPodsLogsGoWithItAndOnlyItsOwn() {
        logs.print("ns", "db-0", "db", T0, "one");
        logs.print("ns", "db-01", "db", T0, "kept");
        logs.removed("ns", "db-0");
        assertEquals(List.of(), logs.lines("ns", "db-0", "db"));
        assertEquals(1, logs.lines("ns", "db-01", "db").size());
    }
}
