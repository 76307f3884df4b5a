package io.mirrordrill.scenario.workflow;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's reverse resync, reverse replication direction and fail back. */
class ReverseWorkflowTest {

    private static void failover(SeedEstate e, String promotedSnapshot) {
        e.desire("Promoted", promotedSnapshot);
        e.awaitState("Promoted");
        e.runUntil(() -> e.running(e.destination), Duration.ofMinutes(5), "the destination app");
    }

    /** Delete the AMR on the destination, snapshot the app there, and set up the AMR on the original source. */
    private static void reverseResync(SeedEstate e) {
        e.destination.api().delete("protect.trident.netapp.io/v1", "AppMirrorRelationship", SeedEstate.NS,
                SeedEstate.AMR);
        e.runUntil(() -> e.amrState().equals("(none)"), Duration.ofMinutes(10), "the AMR to go");
        assertTrue(e.running(e.destination), "the promoted app keeps running");
        e.snapshot(e.destination, "s3.west.example", "trident-protect-dst-bucket");
        e.source.apply("reverse-relationship.yaml", e.reverseAmrYaml("Established", null), SeedEstate.NS);
        e.runUntil(() -> e.reverseState().equals("Established"), Duration.ofHours(1), "the reverse AMR");
    }

    @Test
    void reverseResyncKeepsTheDestinationsWritesAndReplicatesBack() {
        SeedEstate e = new SeedEstate(41);
        e.establish(3);
        failover(e, null);
        e.write(e.destination);                       // 4, written during the failover
        reverseResync(e);
        assertTrue(e.pods(e.source).isEmpty(), "the original source app is stopped");
        assertEquals(List.of(1, 2, 3, 4), e.sourceVolumeRecords());

        e.write(e.destination);                       // 5
        e.snapshot(e.destination, "s3.west.example", "trident-protect-dst-bucket");
        e.runUntil(() -> e.sourceVolumeRecords().size() == 5, Duration.ofMinutes(30), "record 5 to replicate back");
        assertEquals(List.of(1, 2, 3, 4, 5), e.sourceVolumeRecords());
    }

    @Test
    void reversingTheDirectionWithAShutdownSnapshotLosesNothing() {
        SeedEstate e = new SeedEstate(42);
        e.establish(3);
        e.write(e.source);                            // 4, after the last scheduled snapshot
        var shutdown = e.snapshot(e.source, "s3.east.example", "trident-protect-src-bucket", true);
        failover(e, shutdown.basename());
        assertEquals(List.of(1, 2, 3, 4), e.records(e.destination), "a planned reverse loses nothing");
        e.write(e.destination);                       // 5
        reverseResync(e);
        assertEquals(List.of(1, 2, 3, 4, 5), e.sourceVolumeRecords());
    }

    @Test
    void failingBackAfterAFailoverReturnsTheAppWithEveryWrite() {
        SeedEstate e = new SeedEstate(43);
        e.establish(3);
        failover(e, null);                            // unplanned: the source is still running, untouched
        e.write(e.destination);                       // 4
        reverseResync(e);                             // fail back step 1: reverse resync

        e.write(e.destination);                       // 5
        var shutdown = e.snapshot(e.destination, "s3.west.example", "trident-protect-dst-bucket", true);
        e.source.apply("reverse-relationship.yaml", e.reverseAmrYaml("Promoted", shutdown.basename()),
                SeedEstate.NS);                       // step 2: reverse the direction back to the original source
        e.runUntil(() -> e.reverseState().equals("Promoted"), Duration.ofHours(1), "the fail back");
        e.runUntil(() -> e.running(e.source), Duration.ofMinutes(5), "the app back on the source");
        assertEquals(List.of(1, 2, 3, 4, 5), e.records(e.source));
    }
}
