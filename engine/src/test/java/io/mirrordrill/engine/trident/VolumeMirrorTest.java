package io.mirrordrill.engine.trident;

import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.engine.trident.MirrorEndpoint;
import io.mirrordrill.engine.trident.MirrorStep;
import io.mirrordrill.engine.trident.VolumeMirror;
import io.mirrordrill.sim.Fault;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.mirrordrill.emulator.ontap.TwoSites;
import io.mirrordrill.emulator.ontap.VolumeFiles;
import static io.mirrordrill.emulator.ontap.TwoSites.bytes;
import static io.mirrordrill.emulator.ontap.TwoSites.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trident's mirror steps (engine.trident) driven against the emulated clusters, as the engine will drive them. */
class VolumeMirrorTest {
    private final TwoSites w = new TwoSites(31);
    private final MirrorEndpoint source = new MirrorEndpoint("c1", "svm1", "trident_pvc_src");
    private final MirrorEndpoint destination = new MirrorEndpoint("c2", "svm2", "trident_pvc_dst");
    private final VolumeFiles src;
    private final VolumeFiles dst;
    /** Engine at the destination site, and one at the source site (for reverse and release). */
    private VolumeMirror atDestination = new VolumeMirror(w.ontap.connector("west"));
    private VolumeMirror atSource = new VolumeMirror(w.ontap.connector("east"));
    private final List<String> messages = new ArrayList<>();

    VolumeMirrorTest() {
        w.volume(w.c1, "svm1", "trident_pvc_src", VolumeType.RW);
        w.volume(w.c2, "svm2", "trident_pvc_dst", VolumeType.DP);
        src = w.files("c1", "svm1", "trident_pvc_src");
        dst = w.files("c2", "svm2", "trident_pvc_dst");
    }

    /** Repeats a step, a second of simulated time apart, until it is done; fails on FAILED or after an hour. */
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

    @Test
    void establishCreatesAndInitializesAndIsIdempotent() {
        src.write("log", 0, bytes("one\n"));
        establish();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("creating SnapMirror relationship")), messages::toString);
        assertTrue(atDestination.establish(destination, source, VolumeMirror.DEFAULT_POLICY, null).isDone());
        assertEquals(1, w.c2.relationships(false).size());
        w.patch(w.c2, w.c2.relationships(false).get(0).uuid(),
                io.mirrordrill.port.ontap.RelationshipState.BROKEN_OFF);
        assertEquals("one\n", text(dst.read("log")));
    }

    @Test
    void establishRefusesAReadWriteVolume() {
        w.volume(w.c2, "svm2", "rw_vol", VolumeType.RW);
        MirrorStep s = atDestination.establish(new MirrorEndpoint("c2", "svm2", "rw_vol"), source,
                VolumeMirror.DEFAULT_POLICY, null);
        assertTrue(s.isFailed());
        assertTrue(s.message().contains("needs an empty DP volume"), s.message());
    }

    @Test
    void promoteDuringATransferWithTheSourceSiteDownKeepsTheLastCompleteTransfer() {
        src.write("log", 0, bytes("one\n"));
        establish();
        src.append("log", bytes("two\n"));
        src.write("big", 0, new byte[2_500 * 4096]);
        String rel = w.c2.relationships(false).get(0).uuid();
        w.c2.startTransfer(rel, null);
        w.world.inject(Duration.ofMillis(20), new Fault.SiteDown("east"));
        w.world.advance(Duration.ofMillis(50));

        drive(() -> atDestination.promote(destination, null));
        assertEquals("one\n", text(dst.read("log")));
        assertFalse(dst.exists("big"));
        dst.append("log", bytes("written-after-failover\n"));
        assertEquals(List.of(), w.c2.relationships(false), "the destination side of the relationship is gone");
    }

    @Test
    void promoteAbortsARunningTransferInsteadOfWaitingForIt() {
        establish();
        w.world.network().degrade("east", "west", Duration.ofMillis(10), 1_000_000L);
        src.write("big", 0, new byte[2_500 * 4096]);  // about 10 s over the degraded link
        String rel = w.c2.relationships(false).get(0).uuid();
        w.ontap.cluster("c2").jobLatency(Duration.ofMillis(10));
        w.c2.startTransfer(rel, null);
        drive(() -> atDestination.promote(destination, null));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("aborting")), messages::toString);
        assertFalse(dst.exists("big"));
    }

    @Test
    void promoteWaitsForTheNamedSnapshotThenRestoresToIt() {
        src.write("log", 0, bytes("one\n"));
        establish();
        String srcVol = w.c1.volume("svm1", "trident_pvc_src").orElseThrow().uuid();
        src.append("log", bytes("two\n"));
        w.done(w.c1, w.c1.createSnapshot(srcVol, "shutdown-snap", null, null));
        src.append("log", bytes("after-snapshot\n"));

        MirrorStep waiting = atDestination.promote(destination, "shutdown-snap");
        assertEquals("Waiting for snapshot shutdown-snap to arrive on svm2:trident_pvc_dst", waiting.message());
        w.update(w.c2, w.c2.relationships(false).get(0).uuid());
        drive(() -> atDestination.promote(destination, "shutdown-snap"));
        assertEquals("one\ntwo\n", text(dst.read("log")), messages::toString);
    }

    @Test
    void reestablishAfterPromoteDiscardsTheDestinationsWrites() {
        src.write("log", 0, bytes("one\n"));
        establish();
        drive(() -> atDestination.promote(destination, null));
        dst.append("log", bytes("lost\n"));
        src.append("log", bytes("two\n"));
        drive(() -> atDestination.reestablish(destination, source, VolumeMirror.DEFAULT_POLICY, null));
        assertEquals("one\ntwo\n", text(dst.read("log")));
        assertThrows(io.mirrordrill.emulator.ontap.blocks.DataPathException.class,
                () -> dst.append("log", bytes("x")));
    }

    @Test
    void reestablishingTheOldSourceFromThePromotedSideKeepsThePromotedWrites() {
        src.write("log", 0, bytes("one\n"));
        establish();
        drive(() -> atDestination.promote(destination, null));
        dst.append("log", bytes("kept\n"));
        src.append("log", bytes("stale\n"));
        drive(() -> atSource.reestablish(source, destination, VolumeMirror.DEFAULT_POLICY, null));
        assertEquals("one\nkept\n", text(src.read("log")));
        assertEquals(VolumeType.DP, w.c1.volume("svm1", "trident_pvc_src").orElseThrow().type());
        drive(() -> atSource.update(source, null));
    }

    @Test
    void releaseRemovesTheSourceSideAfterTheDestinationLetGo() {
        establish();
        drive(() -> atDestination.promote(destination, null));
        assertEquals(1, w.c1.relationships(true).size());
        drive(() -> atSource.release(source, destination));
        assertEquals(List.of(), w.c1.relationships(true));
    }

    @Test
    void everyStepSurvivesACrashBetweenCalls() {
        src.write("log", 0, bytes("one\n"));
        VolumeMirror[] current = {atDestination};
        Supplier<MirrorStep> crashing = () -> {
            current[0] = new VolumeMirror(w.ontap.connector("west"));  // forgets its in-flight jobs
            return current[0].establish(destination, source, VolumeMirror.DEFAULT_POLICY, null);
        };
        drive(crashing);
        drive(() -> new VolumeMirror(w.ontap.connector("west")).promote(destination, null));
        dst.append("log", bytes("x\n"));
        drive(() -> new VolumeMirror(w.ontap.connector("west")).reestablish(destination, source,
                VolumeMirror.DEFAULT_POLICY, null));
        assertEquals("one\n", text(dst.read("log")));
    }
}
