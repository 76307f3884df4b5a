package io.mirrordrill.scenario.workflow;

import io.mirrordrill.emulator.s3.S3Faults;
import io.mirrordrill.port.ontap.TransferState;
import io.mirrordrill.sim.Fault;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unplanned failover when the source is gone or busy: always from the last complete snapshot, nothing after it. */
class AmrFailoverTest {

    private static List<Integer> upTo(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    private static void failover(SeedEstate e) {
        e.desire("Promoted", null);
        e.awaitState("Promoted");
        e.runUntil(() -> e.running(e.destination), Duration.ofMinutes(5), "the destination app");
    }

    @Test
    void failoverWorksWithTheSourceSiteDown() {
        SeedEstate e = new SeedEstate(11);
        e.establish(3);
        e.write(e.source);
        e.w.world().network().siteDown("east");
        failover(e);
        assertEquals(upTo(3), e.records(e.destination));
    }

    @Test
    void failoverWorksWithTheSourceBucketDown() {
        SeedEstate e = new SeedEstate(12);
        e.establish(3);
        new S3Faults.BucketOutage(e.w.store("s3.east.example"), "trident-protect-src-bucket").apply(e.w.world());
        failover(e);
        assertEquals(upTo(3), e.records(e.destination));
    }

    @Test
    void failoverDuringARunningTransferUsesTheLastCompleteSnapshot() {
        SeedEstate e = new SeedEstate(13);
        e.establish(3);
        e.w.world().network().degrade("east", "west", Duration.ofMillis(10), 1_000_000L);
        String pod = e.pods(e.source).get(0).path("metadata").path("name").asText();
        e.source.simulator().workloads().write(SeedEstate.NS, pod, "/data", "big.bin", 0, new byte[30_000_000]);
        e.write(e.source);
        e.snapshot();
        var west = e.w.ontap().port("ontap-west", "west");
        e.runUntil(() -> west.relationships(false).stream().anyMatch(r -> r.transfer() != null
                && r.transfer().state() == TransferState.TRANSFERRING), Duration.ofMinutes(10), "the transfer");
        failover(e);
        assertEquals(upTo(3), e.records(e.destination));
        assertTrue(e.amrStatus().path("lastTransferredSnapshot").asText().contains("snap-1"),
                e.amrStatus().toString());
    }

    @Test
    void resyncDiscardsTheDestinationsWritesAndResumesReplication() {
        SeedEstate e = new SeedEstate(14);
        e.establish(3);
        failover(e);
        e.write(e.destination);          // 4: lost by the resync
        e.write(e.source);               // 5
        e.desire("Established", null);
        e.awaitState("Established");
        assertTrue(e.pods(e.destination).isEmpty(), "the destination app is stopped");
        e.write(e.source);               // 6
        e.snapshot();
        e.runUntil(() -> e.amrStatus().path("lastTransferredSnapshot").asText().contains("snap-2"),
                Duration.ofMinutes(30), "the next snapshot to replicate");
        assertEquals(List.of(1, 2, 3, 5, 6), e.destinationVolumeRecords());
    }

    @Test
    void deletingTheRelationshipLeavesTwoIndependentApplications() {
        SeedEstate e = new SeedEstate(15);
        e.establish(3);
        failover(e);
        e.destination.api().delete("protect.trident.netapp.io/v1", "AppMirrorRelationship", SeedEstate.NS,
                SeedEstate.AMR);
        e.runUntil(() -> e.amrState().equals("(none)"), Duration.ofMinutes(10), "the AMR to go");
        assertEquals(List.of(), e.w.ontap().port("ontap-west", "west").relationships(false));
        assertEquals(List.of(), e.w.ontap().port("ontap-east", "east").relationships(true),
                "the source side is released");
        e.write(e.source);
        e.write(e.destination);
        assertEquals(List.of(1, 2, 3, 4), e.records(e.source));
        assertEquals(List.of(1, 2, 3, 5), e.records(e.destination));
    }

    @Test
    void deletingAnotherRelationshipOfTheSameApplicationLeavesTheReplicatingOneMirrored() {
        SeedEstate e = new SeedEstate(17);
        e.establish(3);
        // a second relationship for the same application, created Promoted (so Failed), then deleted: its clean-up
        // must not break the mirrors of the relationship whose claims they are (the fuzzer found it did)
        String stray = "amr-stray";
        e.destination.apply("stray.yaml", e.amrYaml("Promoted", null).replace(SeedEstate.AMR, stray), e.dstNs);
        e.runUntil(() -> e.destination.get("protect.trident.netapp.io/v1", "AppMirrorRelationship", e.dstNs, stray)
                .map(a -> a.path("status").path("state").asText("")).orElse("").equals("Failed"),
                Duration.ofMinutes(5), "the stray relationship to fail");
        e.destination.api().delete("protect.trident.netapp.io/v1", "AppMirrorRelationship", e.dstNs, stray);
        e.runUntil(() -> e.destination.get("protect.trident.netapp.io/v1", "AppMirrorRelationship", e.dstNs, stray)
                .isEmpty(), Duration.ofMinutes(10), "the stray relationship to go");

        assertEquals("Established", e.amrState(), e.amrStatus().toString());
        var west = e.w.ontap().port("ontap-west", "west").relationships(false);
        assertEquals(1, west.size(), west.toString());
        assertEquals(io.mirrordrill.port.ontap.RelationshipState.SNAPMIRRORED, west.get(0).state(), west.toString());
        e.write(e.source);                                // 4 reaches the destination at the next snapshot
        e.snapshot();
        e.runUntil(() -> e.destinationVolumeRecords().equals(upTo(4)), Duration.ofMinutes(30),
                "record 4 to be replicated");
    }

    @Test
    void theSameSeedReplaysTheSameFailover() {
        String first = run(21);
        assertEquals(first, run(21));
    }

    private static String run(long seed) {
        SeedEstate e = new SeedEstate(seed);
        e.establish(2);
        e.w.world().inject(Duration.ofSeconds(1), new Fault.SiteDown("east"));
        failover(e);
        return e.w.world().trace().hash() + " " + new String(String.valueOf(e.records(e.destination))
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @Test
    void failoverSkipsAReplicatedSnapshotWhoseVolumeSnapshotsRetentionDeleted() {
        SeedEstate e = new SeedEstate(16);
        e.establish(1);                                   // snapshot A: record 1
        e.write(e.source);                                // 2
        e.source.apply("b.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: Snapshot
                metadata: {name: b}
                spec: {appVaultRef: %s, applicationRef: my-app-name, reclaimPolicy: Delete}
                """.formatted(SeedEstate.SRC_VAULT), SeedEstate.NS);
        e.runUntil(() -> e.amrStatus().path("lastTransferredSnapshot").asText().contains("_b_"),
                Duration.ofHours(1), "snapshot b to replicate");
        e.source.api().delete("protect.trident.netapp.io/v1", "Snapshot", SeedEstate.NS, "b");  // retention
        e.w.advance(Duration.ofMinutes(1));
        var west = e.w.ontap().port("ontap-west", "west");
        west.startTransfer(west.relationships(false).get(0).uuid(), null);  // the next update drops b's copy
        e.w.advance(Duration.ofMinutes(1));
        failover(e);
        assertEquals(List.of(1), e.records(e.destination));
    }
}
