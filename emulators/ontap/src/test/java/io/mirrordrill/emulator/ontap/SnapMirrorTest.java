package io.mirrordrill.emulator.ontap;

import io.mirrordrill.emulator.ontap.blocks.DataPathException;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.SnapshotRecord;
import io.mirrordrill.port.ontap.TransferRecord;
import io.mirrordrill.port.ontap.TransferState;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.sim.Fault;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.mirrordrill.emulator.ontap.TwoSites.assertBytes;
import static io.mirrordrill.emulator.ontap.TwoSites.block;
import static io.mirrordrill.emulator.ontap.TwoSites.bytes;
import static io.mirrordrill.emulator.ontap.TwoSites.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapMirrorTest {
    private final TwoSites w = new TwoSites(11);
    private final VolumeFiles src;
    private final VolumeFiles dst;
    private final String rel;

    SnapMirrorTest() {
        w.volume(w.c1, "svm1", "app", VolumeType.RW);
        w.volume(w.c2, "svm2", "app_dst", VolumeType.DP);
        src = w.files("c1", "svm1", "app");
        dst = w.files("c2", "svm2", "app_dst");
        rel = w.relationship("svm1:app", "svm2:app_dst", "MirrorAllSnapshots", null);
    }

    private void writeBlocks(String file, long firstBlock, int count, char fill) {
        for (int i = 0; i < count; i++) {
            src.write(file, (firstBlock + i) * 4096, block(fill));
        }
    }

    private void baseline() {
        w.patch(w.c2, rel, RelationshipState.SNAPMIRRORED);
        assertEquals(RelationshipState.SNAPMIRRORED, w.rel(w.c2, rel).state());
    }

    @Test
    void baselineAndEachUpdateMoveExactlyTheChangedBlocks() {
        writeBlocks("data.bin", 0, 10, 'a');
        baseline();
        RelationshipRecord r = w.rel(w.c2, rel);
        assertEquals("initialize", r.lastTransferType());
        assertBytes(10, r.transfer());
        assertArrayEquals(src.read("data.bin"), dst.read("data.bin"));

        writeBlocks("data.bin", 2, 3, 'b');   // overwrite blocks 2..4
        writeBlocks("data.bin", 10, 2, 'c');  // append blocks 10..11
        src.write("other.txt", 0, bytes("x")); // one partial block in a new file
        TransferRecord t = w.update(w.c2, rel);
        assertEquals("update", t.type());
        assertBytes(6, t);
        assertArrayEquals(src.read("data.bin"), dst.read("data.bin"));
        assertEquals("x", text(dst.read("other.txt")));

        assertBytes(0, w.update(w.c2, rel));
    }

    @Test
    void mirrorAllSnapshotsCarriesIntermediateSnapshotsAndCountsEachStep() {
        writeBlocks("f", 0, 4, 'a');
        baseline();
        String vol = w.c1.volume("svm1", "app").orElseThrow().uuid();
        writeBlocks("f", 0, 1, 'b');
        w.done(w.c1, w.c1.createSnapshot(vol, "hourly.1", null, "hourly"));
        writeBlocks("f", 0, 1, 'c');  // the same block again: shipped once per snapshot
        writeBlocks("f", 5, 1, 'd');
        assertBytes(3, w.update(w.c2, rel));
        String dstVol = w.c2.volume("svm2", "app_dst").orElseThrow().uuid();
        List<String> names = w.c2.snapshots(dstVol).stream().map(SnapshotRecord::name).toList();
        assertTrue(names.contains("hourly.1"), names.toString());
    }

    @Test
    void transfersTakeTimeFromBytesBandwidthAndLatency() {
        src.write("big", 0, new byte[5_000 * 4096]);  // 20,480,000 bytes: about 0.2 s over 100 MB/s
        Instant start = w.world.now();
        w.done(w.c2, w.c2.patchRelationship(rel, RelationshipPatch.state(RelationshipState.SNAPMIRRORED)));
        TransferRecord running = w.rel(w.c2, rel).transfer();
        assertEquals(TransferState.TRANSFERRING, running.state());
        TransferRecord done = w.awaitTransfer(w.c2, rel);
        assertEquals(Duration.ofMillis(10).plusNanos(204_800_000L), done.totalDuration());
        assertTrue(done.endTime().isAfter(start.plusMillis(200)));
    }

    @Test
    void aDpDestinationRefusesWrites() {
        baseline();
        DataPathException e = assertThrows(DataPathException.class, () -> dst.write("x", 0, bytes("no")));
        assertEquals(DataPathException.Reason.READ_ONLY, e.reason());
    }

    @Test
    void afterBreakTheDestinationIsWritableAndLaterSourceWritesDoNotReachIt() {
        src.write("log", 0, bytes("one\n"));
        baseline();
        w.patch(w.c2, rel, RelationshipState.BROKEN_OFF);
        assertEquals(VolumeType.RW, w.c2.volume("svm2", "app_dst").orElseThrow().type());
        dst.append("log", bytes("dst-only\n"));
        src.append("log", bytes("two\n"));
        OntapException e = assertThrows(OntapException.class, () -> w.c2.startTransfer(rel, null));
        assertEquals(OntapErrors.SM_INVALID_TRANSITION, e.code());
        assertTrue(e.getMessage().contains("broken_off") && e.getMessage().contains("History"), e.getMessage());
        w.world.advance(Duration.ofHours(1));
        assertEquals("one\ndst-only\n", text(dst.read("log")));
    }

    @Test
    void resyncDiscardsDestinationWritesMadeAfterTheCommonSnapshot() {
        src.write("log", 0, bytes("one\n"));
        baseline();
        w.patch(w.c2, rel, RelationshipState.BROKEN_OFF);
        dst.append("log", bytes("dst-only\n"));
        dst.write("new-on-dst", 0, bytes("gone soon"));
        src.append("log", bytes("two\n"));

        w.patch(w.c2, rel, RelationshipState.SNAPMIRRORED);
        RelationshipRecord r = w.rel(w.c2, rel);
        assertEquals(RelationshipState.SNAPMIRRORED, r.state());
        assertEquals("resync", r.lastTransferType());
        assertEquals("one\ntwo\n", text(dst.read("log")));
        assertFalse(dst.exists("new-on-dst"));
        assertEquals(VolumeType.DP, w.c2.volume("svm2", "app_dst").orElseThrow().type());
        assertThrows(DataPathException.class, () -> dst.append("log", bytes("refused")));
    }

    @Test
    void reverseResyncKeepsThePromotedSideAndMakesTheOldSourceADestination() {
        src.write("log", 0, bytes("one\n"));
        baseline();
        w.patch(w.c2, rel, RelationshipState.BROKEN_OFF);
        dst.append("log", bytes("promoted\n"));
        src.append("log", bytes("stale-on-old-source\n"));

        w.done(w.c1, w.c1.patchRelationship(rel, RelationshipPatch.reverse("svm2:app_dst", "svm1:app")));
        w.awaitTransfer(w.c1, rel);
        RelationshipRecord r = w.rel(w.c1, rel);
        assertEquals("svm2:app_dst", r.sourcePath());
        assertEquals("svm1:app", r.destinationPath());
        assertEquals("c1", r.destinationCluster());
        assertEquals(RelationshipState.SNAPMIRRORED, r.state());
        assertEquals(VolumeType.DP, w.c1.volume("svm1", "app").orElseThrow().type());
        assertEquals(VolumeType.RW, w.c2.volume("svm2", "app_dst").orElseThrow().type());
        assertEquals("one\npromoted\n", text(src.read("log")));
        assertThrows(DataPathException.class, () -> src.append("log", bytes("x")));

        dst.append("log", bytes("after-reverse\n"));
        w.update(w.c1, rel);
        assertEquals("one\npromoted\nafter-reverse\n", text(src.read("log")));
        assertEquals(List.of(), w.c2.relationships(false), "the relationship now lives on c1");
        assertEquals(1, w.c1.relationships(false).size());
    }

    @Test
    void aRelationshipCreatedOnAReadWriteVolumeThatSharesASnapshotStartsBrokenOffAndResyncs() {
        src.write("log", 0, bytes("one\n"));
        baseline();
        w.patch(w.c2, rel, RelationshipState.BROKEN_OFF);
        w.done(w.c2, w.c2.deleteRelationship(rel, io.mirrordrill.port.ontap.DeleteScope.DESTINATION_ONLY));
        dst.append("log", bytes("promoted\n"));
        // Trident's reestablish after promote: create the reverse relationship on the old source, then resync.
        w.done(w.c1, w.c1.createRelationship(new io.mirrordrill.port.ontap.RelationshipCreate(
                "svm2:app_dst", "svm1:app", "MirrorAllSnapshots", null)));
        String back = w.c1.relationships(false).get(0).uuid();
        assertEquals(RelationshipState.BROKEN_OFF, w.rel(w.c1, back).state());
        w.patch(w.c1, back, RelationshipState.SNAPMIRRORED);
        assertEquals("one\npromoted\n", text(src.read("log")));
        assertEquals(VolumeType.DP, w.c1.volume("svm1", "app").orElseThrow().type());
    }

    @Test
    void breakWhileTransferringFailsWith13303808() {
        baseline();
        src.write("big", 0, new byte[2_500 * 4096]);
        w.c2.startTransfer(rel, null);
        w.world.advance(Duration.ofMillis(50));
        OntapException e = assertThrows(OntapException.class, () -> w.c2.patchRelationship(rel,
                RelationshipPatch.state(RelationshipState.BROKEN_OFF)));
        assertEquals(OntapErrors.SM_BREAK_FAILED_TRANSFERRING, e.code());
    }

    @Test
    void aSecondUpdateWhileOneRunsIsRefused() {
        baseline();
        src.write("big", 0, new byte[2_500 * 4096]);
        w.c2.startTransfer(rel, null);
        OntapException e = assertThrows(OntapException.class, () -> w.c2.startTransfer(rel, null));
        assertEquals(OntapErrors.SM_TRANSFER_IN_PROGRESS, e.code());
    }

    @Test
    void quiesceWaitsForTheRunningTransferThenUpdatesAreRefusedUntilResume() {
        baseline();
        src.write("big", 0, new byte[2_500 * 4096]);
        w.ontap.cluster("c2").jobLatency(Duration.ofMillis(10));
        w.c2.startTransfer(rel, null);
        var quiesce = w.c2.patchRelationship(rel, RelationshipPatch.state(RelationshipState.PAUSED));
        w.world.advance(Duration.ofMillis(50));
        assertEquals(io.mirrordrill.port.ontap.JobState.RUNNING, w.c2.job(quiesce.uuid()).state());
        assertEquals(RelationshipState.SNAPMIRRORED, w.rel(w.c2, rel).state());
        w.done(w.c2, quiesce);
        assertEquals(RelationshipState.PAUSED, w.rel(w.c2, rel).state());
        assertEquals(TransferState.SUCCESS, w.rel(w.c2, rel).transfer().state());

        OntapException e = assertThrows(OntapException.class, () -> w.c2.startTransfer(rel, null));
        assertEquals(OntapErrors.SM_INVALID_TRANSITION, e.code());
        w.patch(w.c2, rel, RelationshipState.SNAPMIRRORED);
        assertEquals(TransferState.SUCCESS, w.update(w.c2, rel).state());
    }

    @Test
    void abortStopsATransferAndLeavesTheDestinationAtTheLastCommonSnapshot() {
        src.write("log", 0, bytes("one\n"));
        baseline();
        src.write("big", 0, new byte[2_500 * 4096]);
        w.ontap.cluster("c2").jobLatency(Duration.ofMillis(10));
        TransferRecord t = w.c2.startTransfer(rel, null);
        w.done(w.c2, w.c2.abortTransfer(rel, t.uuid(), false));
        assertEquals(TransferState.ABORTED, w.rel(w.c2, rel).transfer().state());
        assertFalse(dst.exists("big"));
        w.patch(w.c2, rel, RelationshipState.BROKEN_OFF);
        assertEquals("one\n", text(dst.read("log")));
    }

    @Test
    void aTransferOverADownedLinkFailsAndTheNextScheduledUpdateAfterHealSucceeds() {
        w.volume(w.c1, "svm1", "sched", VolumeType.RW);
        w.volume(w.c2, "svm2", "sched_dst", VolumeType.DP);
        String sched = w.relationship("svm1:sched", "svm2:sched_dst", "MirrorAllSnapshots", "5min");
        VolumeFiles s = w.files("c1", "svm1", "sched");
        s.write("log", 0, bytes("before\n"));
        w.patch(w.c2, sched, RelationshipState.SNAPMIRRORED);
        s.append("log", bytes("during-outage\n"));

        w.world.network().partition("east", "west");
        w.world.advance(Duration.ofMinutes(5));
        RelationshipRecord failed = w.rel(w.c2, sched);
        assertFalse(failed.healthy());
        assertEquals(TransferState.FAILED, failed.transfer().state());
        assertEquals(OntapErrors.SM_TRANSFER_NETWORK_FAILED, failed.unhealthyReason().get(0).code());
        assertTrue(failed.lagTime().compareTo(Duration.ofMinutes(4)) > 0);

        w.world.network().heal("east", "west");
        w.world.advance(Duration.ofMinutes(5));
        RelationshipRecord healed = w.rel(w.c2, sched);
        assertTrue(healed.healthy());
        assertEquals(TransferState.SUCCESS, healed.transfer().state());
        assertTrue(healed.lagTime().compareTo(Duration.ofMinutes(5)) < 0);
        w.patch(w.c2, sched, RelationshipState.BROKEN_OFF);
        assertEquals("before\nduring-outage\n", text(w.files("c2", "svm2", "sched_dst").read("log")));
    }

    @Test
    void aPartitionDuringATransferFailsItAtOnce() {
        baseline();
        src.write("big", 0, new byte[2_500 * 4096]);
        w.c2.startTransfer(rel, null);
        w.world.inject(Duration.ofMillis(30), new Fault.Partition("east", "west"));
        TransferRecord t = w.awaitTransfer(w.c2, rel);
        assertEquals(TransferState.FAILED, t.state());
        assertEquals(w.world.now(), t.endTime());
        assertFalse(dst.exists("big"));
    }

    @Test
    void snapMirrorSnapshotsRollOffAndAreOwned() {
        baseline();
        for (int i = 0; i < 3; i++) {
            src.append("log", bytes("line " + i + "\n"));
            w.update(w.c2, rel);
        }
        String srcVol = w.c1.volume("svm1", "app").orElseThrow().uuid();
        String dstVol = w.c2.volume("svm2", "app_dst").orElseThrow().uuid();
        List<SnapshotRecord> onSource = w.c1.snapshots(srcVol);
        assertEquals(1, onSource.size(), onSource.toString());
        assertTrue(onSource.get(0).name().startsWith("snapmirror."));
        assertEquals(List.of("snapmirror_dependent"), onSource.get(0).owners());
        assertEquals(2, w.c2.snapshots(dstVol).size());
        assertEquals(onSource.get(0).name(), w.rel(w.c2, rel).exportedSnapshot());

        OntapException owned = assertThrows(OntapException.class,
                () -> w.c1.deleteSnapshot(srcVol, onSource.get(0).uuid()));
        assertEquals(OntapErrors.SNAPSHOT_HAS_OWNER, owned.code());
        OntapException onDp = assertThrows(OntapException.class,
                () -> w.c2.createSnapshot(dstVol, "mine", null, null));
        assertEquals(OntapErrors.SNAPSHOT_ONLY_ON_RW, onDp.code());
    }

    @Test
    void releaseAndDeleteKeepVolumesAndData() {
        src.write("log", 0, bytes("kept\n"));
        baseline();
        w.patch(w.c2, rel, RelationshipState.BROKEN_OFF);
        w.done(w.c2, w.c2.deleteRelationship(rel, io.mirrordrill.port.ontap.DeleteScope.DESTINATION_ONLY));
        assertEquals(List.of(), w.c2.relationships(false));
        assertEquals(1, w.c1.relationships(true).size(), "the source still knows until released");
        w.done(w.c1, w.c1.deleteRelationship(rel, io.mirrordrill.port.ontap.DeleteScope.SOURCE_ONLY));
        assertEquals(List.of(), w.c1.relationships(true));
        String srcVol = w.c1.volume("svm1", "app").orElseThrow().uuid();
        assertTrue(w.c1.snapshots(srcVol).stream().allMatch(s -> s.owners().isEmpty()));
        assertFalse(w.c1.volume("svm1", "app").orElseThrow().isProtected());
        assertEquals("kept\n", text(dst.read("log")));
        assertEquals("kept\n", text(src.read("log")));
    }

    @Test
    void lagTimeGrowsFromTheExportedSnapshot() {
        baseline();
        Duration before = w.rel(w.c2, rel).lagTime();
        assertNotNull(before);
        w.world.advance(Duration.ofMinutes(30));
        assertEquals(before.plusMinutes(30), w.rel(w.c2, rel).lagTime());
    }
}
