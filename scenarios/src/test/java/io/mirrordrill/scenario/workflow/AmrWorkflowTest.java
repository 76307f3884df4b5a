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
}
