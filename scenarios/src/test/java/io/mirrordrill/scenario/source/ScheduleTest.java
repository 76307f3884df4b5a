package io.mirrordrill.scenario.source;

import static io.mirrordrill.scenario.source.SourceWorld.APP;
import static io.mirrordrill.scenario.source.SourceWorld.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.WatchEvent;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The seed's replication schedule: a Custom 5-minute recurrence keeping two snapshots. */
class ScheduleTest {
    /** The seed's Schedule, with our vault; {@code enabled} as given. */
    static String seedSchedule(String name, boolean enabled) {
        return """
                apiVersion: protect.trident.netapp.io/v1
                kind: Schedule
                metadata: {name: %s, namespace: my-app-namespace}
                spec:
                  appVaultRef: src-vault
                  applicationRef: my-app-name
                  backupRetention: "0"
                  enabled: %s
                  granularity: custom
                  recurrenceRule: |-
                    DTSTART:20220101T000200Z
                    RRULE:FREQ=MINUTELY;INTERVAL=5
                  snapshotRetention: "2"
                """.formatted(name, enabled);
    }

    private static Set<String> watchCreated(SourceWorld w) {
        Set<String> created = new TreeSet<>();
        w.cluster.api().watch("protect.trident.netapp.io/v1", "Snapshot", NS, LabelSelector.everything(), null,
                e -> {
                    if (e.type() == WatchEvent.Type.ADDED) {
                        created.add(e.object().getMetadata().getName());
                    }
                });
        return created;
    }

    private static List<String> snapshots(SourceWorld w) {
        return w.cluster.api().list("protect.trident.netapp.io/v1", "Snapshot", NS, LabelSelector.everything())
                .stream().map(s -> s.getMetadata().getName()).toList();
    }

    @Test
    void theSeedsFiveMinuteScheduleOverAnHourCreatesTwelveSnapshotsAndKeepsTheTwoNewest() {
        SourceWorld w = new SourceWorld(21); // the clock stands at 00:01:00 UTC
        String name = "appmirror-schedule-0e1f88ab-f013-4bce-8ae9-6afed9df59a1";
        Set<String> created = watchCreated(w);
        w.cluster.apply("schedule.yaml", seedSchedule(name, true), null);
        for (int minute = 0; minute < 60; minute++) { // the app writes a record at half past each minute
            w.world.advance(Duration.ofSeconds(30));
            w.write();
            w.world.advance(Duration.ofSeconds(30));
        }

        assertEquals(12, created.size(), "occurrences 00:02, 00:07 ... 00:57: " + created);
        assertEquals(name + "-20260101000200", created.iterator().next());
        assertEquals(List.of(name + "-20260101005200", name + "-20260101005700"), snapshots(w));
        snapshots(w).forEach(s -> assertEquals("Completed", w.state("Snapshot", s)));
        List<ArchivePath> archives = w.reader().list(APP, w.appUid());
        assertEquals(List.of(name + "-20260101005200", name + "-20260101005700"),
                archives.stream().map(ArchivePath::snapshotName).toList(), "pruned snapshots took their archives");
        assertEquals(4, w.cluster.api().list("snapshot.storage.k8s.io/v1", "VolumeSnapshot", NS,
                LabelSelector.everything()).size());
        assertEquals(2, w.ontapSnapshots("data").size());
        assertEquals(2, w.ontapSnapshots("logs").size());

        Archive newest = w.reader().read(archives.get(1));
        assertEquals(SourceWorld.records("record", 56), w.snapshotFile(newest.content().volumes().get(0), "records"),
                "the 00:57 snapshot holds the records written until 00:56:30");
        JsonNode status = w.get("Schedule", name).orElseThrow().path("status");
        assertEquals("Enabled", status.path("state").asText());
        assertEquals("2026-01-01T00:57:00Z", status.path("lastScheduleTime").asText());
        assertEquals("2026-01-01T01:02:00Z", status.path("nextScheduleTime").asText());
        JsonNode labels = w.get("Snapshot", name + "-20260101005700").orElseThrow().path("metadata").path("labels");
        assertEquals(name, labels.path("protect.trident.netapp.io/schedule").asText());
        assertEquals(APP, labels.path("protect.trident.netapp.io/application").asText());
    }

    @Test
    void aDisabledScheduleCreatesNothingAndOnceEnabledDoesNotMakeUpTheMissedOccurrences() {
        SourceWorld w = new SourceWorld(22);
        String name = "nightly-ish";
        Set<String> created = watchCreated(w);
        w.cluster.apply("schedule.yaml", seedSchedule(name, false), null);
        w.world.advance(Duration.ofMinutes(30)); // to 00:31
        assertEquals(Set.of(), created);
        JsonNode status = w.get("Schedule", name).orElseThrow().path("status");
        assertEquals("Disabled", status.path("state").asText());
        assertEquals("False", status.path("conditions").get(0).path("status").asText());

        w.cluster.apply("schedule.yaml", seedSchedule(name, true), null);
        w.world.advance(Duration.ofMinutes(9)); // to 00:40

        assertEquals(Set.of(name + "-20260101003200", name + "-20260101003700"), created);
    }

    @Test
    void aScheduleWithAnUnsupportedRuleFailsNamingTheFieldAndTheFix() {
        SourceWorld w = new SourceWorld(23);
        w.cluster.apply("schedule.yaml", seedSchedule("bad", true).replace("INTERVAL=5", "INTERVAL=5;BYDAY=MO"),
                null);
        w.world.advance(Duration.ofMinutes(10));
        JsonNode status = w.get("Schedule", "bad").orElseThrow().path("status");
        assertEquals("Failed", status.path("state").asText());
        assertEquals("spec.recurrenceRule: RRULE part BYDAY is not supported (only FREQ and INTERVAL are). Fix: remove"
                + " BYDAY; for a fixed minute, hour or weekday use granularity Hourly, Daily, Weekly or Monthly instead"
                + " of Custom", status.path("error").asText());
        assertEquals(List.of(), snapshots(w));
    }
}
