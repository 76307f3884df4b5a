package io.mirrordrill.engine.trident;

import io.mirrordrill.emulator.ontap.TwoSites;
import io.mirrordrill.emulator.ontap.VolumeFiles;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.VolumeType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.mirrordrill.emulator.ontap.TwoSites.bytes;
import static io.mirrordrill.emulator.ontap.TwoSites.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of Trident's mirror steps beyond the happy path: refusals, waiting on jobs, which relationship is touched. */
class VolumeMirrorRulesTest {
    private final TwoSites w = new TwoSites(47);
    private final MirrorEndpoint source = new MirrorEndpoint("c1", "svm1", "trident_pvc_src");
    private final MirrorEndpoint destination = new MirrorEndpoint("c2", "svm2", "trident_pvc_dst");
    private final VolumeFiles src;
    private final VolumeFiles dst;
    private final VolumeMirror atDestination = new VolumeMirror(w.ontap.connector("west"));
    private final VolumeMirror atSource = new VolumeMirror(w.ontap.connector("east"));
    private final List<String> messages = new ArrayList<>();

    VolumeMirrorRulesTest() {
        w.volume(w.c1, "svm1", "trident_pvc_src", VolumeType.RW);
        w.volume(w.c2, "svm2", "trident_pvc_dst", VolumeType.DP);
        src = w.files("c1", "svm1", "trident_pvc_src");
        dst = w.files("c2", "svm2", "trident_pvc_dst");
    }

    private MirrorStep drive(Supplier<MirrorStep> step) {
        for (int i = 0; i < 3600; i++) {
            MirrorStep s = step.get();
            messages.add(s.message());
            if (s.isDone()) {
                return s;
            }
            assertFalse(s.isFailed(), () -> "step failed: " + s.message() + "; steps so far: " + messages);
            w.world.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("step never finished: " + messages);
    }

    private void establish() {
        drive(() -> atDestination.establish(destination, source, VolumeMirror.DEFAULT_POLICY, null));
    }

    private String relationshipUuid() {
        return w.c2.relationships(false).get(0).uuid();
    }

    @Test
    void aVolumeHandleSplitsAtItsFirstColonAndPrintsWithItsManagementLif() {
        MirrorEndpoint e = MirrorEndpoint.parse("10.0.0.1", "svm1:vol:a");
        assertEquals(new MirrorEndpoint("10.0.0.1", "svm1", "vol:a"), e);
        assertEquals("svm1:vol:a@10.0.0.1", e.toString());
        assertEquals(new MirrorEndpoint("lif", "s", "v"), MirrorEndpoint.parse("lif", "s:v"));
    }

    @Test
    void aVolumeHandleWithoutBothAnSvmAndAVolumeIsRefusedNamingTheForm() {
        for (String bad : new String[] {null, "", "novolume", ":vol", "svm:"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MirrorEndpoint.parse("lif", bad), () -> "accepted " + bad);
            assertTrue(e.getMessage().contains("is not of the form svm:volume"), e.getMessage());
        }
    }

    @Test
    void aStepCalledAgainWhileItsJobRunsWaitsForTheJobInsteadOfSubmittingAgain() {
        w.ontap.cluster("c2").jobLatency(Duration.ofSeconds(5));
        MirrorStep first = atDestination.establish(destination, source, VolumeMirror.DEFAULT_POLICY, null);
        assertTrue(first.message().startsWith("creating SnapMirror relationship"), first.message());
        w.world.advance(Duration.ofSeconds(1));
        MirrorStep second = atDestination.establish(destination, source, VolumeMirror.DEFAULT_POLICY, null);
        assertFalse(second.isDone());
        assertFalse(second.isFailed(), second.message());
        assertFalse(second.message().startsWith("creating"), "submitted the create twice: " + second.message());
        establish();
        assertEquals(1, w.c2.relationships(false).size());
    }

    @Test
    void establishResumesAPausedRelationship() {
        src.write("log", 0, bytes("one\n"));
        establish();
        w.patch(w.c2, relationshipUuid(), RelationshipState.PAUSED);
        messages.clear();
        establish();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("resuming")), messages::toString);
        assertEquals(RelationshipState.SNAPMIRRORED, w.rel(w.c2, relationshipUuid()).state());
    }

    @Test
    void establishRefusesABrokenOffRelationshipSayingItMustBeReestablished() {
        establish();
        w.patch(w.c2, relationshipUuid(), RelationshipState.BROKEN_OFF);
        MirrorStep s = atDestination.establish(destination, source, VolumeMirror.DEFAULT_POLICY, null);
        assertTrue(s.isFailed());
        assertTrue(s.message().contains("must be reestablished"), s.message());
    }

    @Test
    void anUpdateNeedsASnapmirroredRelationship() {
        MirrorStep none = atDestination.update(destination, null);
        assertTrue(none.isFailed());
        assertEquals("no snapmirrored relationship for svm2:trident_pvc_dst", none.message());
        establish();
        w.patch(w.c2, relationshipUuid(), RelationshipState.BROKEN_OFF);
        assertTrue(atDestination.update(destination, null).isFailed());
    }

    @Test
    void anUpdateIsDoneOnlyWithATransferNewerThanTheOneAlreadySeen() {
        src.write("log", 0, bytes("one\n"));
        establish();
        String baseline = w.rel(w.c2, relationshipUuid()).transfer().uuid();
        src.append("log", bytes("two\n"));
        MirrorStep started = atDestination.update(destination, baseline);
        assertFalse(started.isDone(), "the baseline counted as the update: " + started.message());
        assertTrue(started.message().startsWith("transfer "), started.message());
        String done = drive(() -> atDestination.update(destination, baseline)).message();
        assertNotEquals(baseline, done);
        assertEquals("one\ntwo\n", text(dst.read("log")));
        assertTrue(atDestination.update(destination, null).isDone(), "a finished transfer counts when none was seen");
    }

    @Test
    void anUpdateWhileATransferRunsWaitsForIt() {
        establish();
        w.world.network().degrade("east", "west", Duration.ofMillis(10), 1_000_000L);
        src.write("big", 0, new byte[2_500 * 4096]);
        w.c2.startTransfer(relationshipUuid(), null);
        w.world.advance(Duration.ofMillis(100));
        MirrorStep s = atDestination.update(destination, null);
        assertFalse(s.isDone());
        assertEquals("update of svm2:trident_pvc_dst running", s.message());
    }

    @Test
    void promoteFirstQuiescesAndAbortsTheRunningTransferOnlyWhileTheQuiesceWaits() {
        establish();
        w.world.network().degrade("east", "west", Duration.ofMillis(10), 1_000_000L);
        src.write("big", 0, new byte[2_500 * 4096]);
        w.ontap.cluster("c2").jobLatency(Duration.ofMillis(10));
        w.c2.startTransfer(relationshipUuid(), null);
        w.world.advance(Duration.ofMillis(100));
        MirrorStep first = atDestination.promote(destination, null);
        assertEquals("quiescing svm2:trident_pvc_dst", first.message());
        drive(() -> atDestination.promote(destination, null));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("aborting the running transfer")), messages::toString);
        assertFalse(dst.exists("big"));
    }

    @Test
    void promoteOfADpVolumeWithoutARelationshipFails() {
        MirrorStep s = atDestination.promote(destination, null);
        assertTrue(s.isFailed());
        assertEquals("svm2:trident_pvc_dst is a DP volume with no relationship; it cannot be promoted", s.message());
    }

    @Test
    void promoteOfAReadWriteVolumeWithoutARelationshipIsDoneAtOnce() {
        MirrorStep s = atSource.promote(source, null);
        assertTrue(s.isDone());
        assertEquals("svm1:trident_pvc_src is read-write", s.message());
    }

    @Test
    void reestablishRefusesARelationshipFromAnotherSource() {
        w.volume(w.c1, "svm1", "other", VolumeType.RW);
        establish();
        drive(() -> atDestination.promote(destination, null));
        drive(() -> atDestination.reestablish(destination, source, VolumeMirror.DEFAULT_POLICY, null));
        MirrorStep s = atDestination.reestablish(destination, new MirrorEndpoint("c1", "svm1", "other"),
                VolumeMirror.DEFAULT_POLICY, null);
        assertTrue(s.isFailed());
        assertEquals("svm2:trident_pvc_dst mirrors svm1:trident_pvc_src, not svm1:other", s.message());
    }

    @Test
    void reestablishOfAMirroringRelationshipIsDoneWithoutAResync() {
        establish();
        MirrorStep s = atDestination.reestablish(destination, source, VolumeMirror.DEFAULT_POLICY, null);
        assertTrue(s.isDone(), s.message());
        assertEquals("mirroring svm1:trident_pvc_src -> svm2:trident_pvc_dst", s.message());
    }

    @Test
    void releaseTouchesOnlyTheRelationshipToTheNamedDestination() {
        w.volume(w.c2, "svm2", "other_dst", VolumeType.DP);
        MirrorEndpoint other = new MirrorEndpoint("c2", "svm2", "other_dst");
        establish();
        drive(() -> atDestination.establish(other, source, VolumeMirror.DEFAULT_POLICY, null));
        drive(() -> atDestination.promote(destination, null));
        drive(() -> atSource.release(source, destination));
        assertEquals(List.of("svm2:other_dst"), w.c1.relationships(true).stream()
                .map(r -> r.destinationPath()).toList());
        MirrorStep again = atSource.release(source, destination);
        assertEquals("nothing to release for svm1:trident_pvc_src -> svm2:trident_pvc_dst", again.message());
    }

    @Test
    void promoteToTheOldestReplicatedSnapshotRestoresTheVolumeToIt() {
        String srcVol = w.c1.volume("svm1", "trident_pvc_src").orElseThrow().uuid();
        src.write("log", 0, bytes("one\n"));
        w.done(w.c1, w.c1.createSnapshot(srcVol, "first", null, null));
        establish();
        src.append("log", bytes("after-first\n"));
        w.update(w.c2, relationshipUuid());
        assertEquals("first", w.c2.snapshots(w.c2.volume("svm2", "trident_pvc_dst").orElseThrow().uuid()).get(0)
                .name(), "the named snapshot is the destination's oldest");
        drive(() -> atDestination.promote(destination, "first"));
        assertTrue(messages.stream().anyMatch(m -> m.equals("restoring svm2:trident_pvc_dst to first")),
                messages::toString);
        assertEquals("one\n", text(dst.read("log")));
    }
}
