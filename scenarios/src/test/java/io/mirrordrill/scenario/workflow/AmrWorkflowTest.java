package io.mirrordrill.scenario.workflow;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's workflows, end to end on the simulated estate. */
class AmrWorkflowTest {

    private static List<Integer> upTo(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void settingUpReplicationEstablishesTheRelationshipAndReplicatesTheSnapshot() {
        SeedEstate e = new SeedEstate(1);
        for (int i = 0; i < 3; i++) {
            e.write(e.source);
        }
        var snap = e.snapshot();
        e.destination.apply("trident-protect-relationship.yaml", e.amrYaml("Established", null), SeedEstate.NS);
        e.runUntil(() -> e.amrState().equals("Established"), Duration.ofMinutes(30),
                "Established; status " + e.amrStatus());
        assertEquals(snap.basename(), e.amrStatus().path("lastTransferredSnapshot").asText());
        var pvc = e.destination.get("v1", "PersistentVolumeClaim", SeedEstate.NS, "data").orElseThrow();
        assertEquals("sc-vsim-2", pvc.path("spec").path("storageClassName").asText());
        assertTrue(e.pods(e.destination).isEmpty(), "no app runs on the destination while Established");
    }

    @Test
    void failoverBringsTheAppUpOnTheDestinationWithTheLastReplicatedSnapshotsData() {
        SeedEstate e = new SeedEstate(2);
        for (int i = 0; i < 3; i++) {
            e.write(e.source);
        }
        e.snapshot();
        e.destination.apply("trident-protect-relationship.yaml", e.amrYaml("Established", null), SeedEstate.NS);
        e.runUntil(() -> e.amrState().equals("Established"), Duration.ofMinutes(30), "Established");
        e.write(e.source);  // record 4: after the last snapshot, so lost in an unplanned failover

        e.destination.apply("trident-protect-relationship.yaml", e.amrYaml("Promoted", null), SeedEstate.NS);
        e.runUntil(() -> e.amrState().equals("Promoted"), Duration.ofMinutes(30), "Promoted; " + e.amrStatus());
        e.runUntil(() -> e.running(e.destination), Duration.ofMinutes(5), "the destination app");
        assertEquals(upTo(3), e.records(e.destination));
        assertEquals(upTo(4), e.records(e.source), "the source app is not touched");
        e.write(e.destination);
        assertEquals(List.of(1, 2, 3, 5), e.records(e.destination));
        assertEquals("my-app-name", e.amrStatus().path("destinationApplicationRef").asText());
    }

    @Test
    void theSeedsReplicationScheduleFeedsTheMirrorAndAFailoverLosesAtMostOnePeriod() {
        SeedEstate e = new SeedEstate(3);
        e.source.apply("trident-protect-schedule.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: Schedule
                metadata:
                  name: appmirror-schedule-0e1f88ab-f013-4bce-8ae9-6afed9df59a1
                spec:
                  appVaultRef: %s
                  applicationRef: my-app-name
                  backupRetention: "0"
                  enabled: true
                  granularity: custom
                  recurrenceRule: |-
                    DTSTART:20220101T000200Z
                    RRULE:FREQ=MINUTELY;INTERVAL=5
                  snapshotRetention: "2"
                """.formatted(SeedEstate.SRC_VAULT), SeedEstate.NS);
        // the app writes a record every 10 s for the rest of the test
        Runnable[] writer = new Runnable[1];
        writer[0] = () -> {
            if (e.w.world().network().isSiteUp("east") && e.running(e.source)) {
                e.write(e.source);
            }
            e.w.world().schedule(Duration.ofSeconds(10), "app writes", writer[0]);
        };
        e.w.world().schedule(Duration.ZERO, "app writes", writer[0]);
        e.w.advance(Duration.ofMinutes(6));
        e.destination.apply("trident-protect-relationship.yaml", e.amrYaml("Established", null), SeedEstate.NS);
        e.awaitState("Established");
        e.w.advance(Duration.ofHours(1));
        String last = e.amrStatus().path("lastTransferredSnapshot").asText();
        assertTrue(last.contains("appmirror-schedule"), last);
        long kept = e.source.api().list("protect.trident.netapp.io/v1", "Snapshot", SeedEstate.NS,
                io.mirrordrill.port.kubernetes.LabelSelector.everything()).size();
        assertEquals(2, kept, "snapshotRetention keeps two");

        List<Integer> written = e.records(e.source);
        e.w.world().network().siteDown("east");
        e.desire("Promoted", null);
        e.awaitState("Promoted");
        e.runUntil(() -> e.running(e.destination), Duration.ofMinutes(5), "the destination app");
        List<Integer> survived = e.records(e.destination);
        assertEquals(written.subList(0, survived.size()), survived, "a prefix of the writes survives, in order");
        int lost = written.size() - survived.size();
        assertTrue(lost > 0 && lost <= 6 * 10, "lost " + lost + " records: at most two 5-minute periods at 6/min");
    }
}
