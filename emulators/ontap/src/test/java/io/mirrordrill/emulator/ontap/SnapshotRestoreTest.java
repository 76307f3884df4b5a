package io.mirrordrill.emulator.ontap;

import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.SnapshotRecord;
import io.mirrordrill.port.ontap.TransferState;
import io.mirrordrill.port.ontap.VolumeType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mirrordrill.emulator.ontap.TwoSites.bytes;
import static io.mirrordrill.emulator.ontap.TwoSites.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SnapshotRestoreTest {
    private final TwoSites w = new TwoSites(5);
    private final String vol = w.volume(w.c1, "svm1", "vol3", VolumeType.RW);
    private final VolumeFiles files = w.files("c1", "svm1", "vol3");

    private void snapshot(String name) {
        w.done(w.c1, w.c1.createSnapshot(vol, name, null, null));
    }

    @Test
    void restoreReturnsTheVolumeToTheSnapshotAndDiscardsNewerDataAndSnapshots() {
        files.write("db", 0, bytes("v1"));
        snapshot("vol3_snap_archive");
        files.write("db", 0, bytes("v2"));
        files.write("later", 0, bytes("lost"));
        snapshot("newer");

        w.done(w.c1, w.c1.restoreVolume(vol, "vol3_snap_archive", false));
        assertEquals("v1", text(files.read("db")));
        assertFalse(files.exists("later"));
        assertEquals(List.of("vol3_snap_archive"), w.c1.snapshots(vol).stream().map(SnapshotRecord::name).toList());
    }

    @Test
    void snapshotsTakenInTheSameInstantKeepTheirOrderForRestore() {
        w.ontap.cluster("c1").jobLatency(java.time.Duration.ZERO);
        files.write("db", 0, bytes("v1"));
        snapshot("first");
        files.write("db", 0, bytes("v2"));
        snapshot("second");
        assertEquals(w.c1.snapshots(vol).get(0).createTime(), w.c1.snapshots(vol).get(1).createTime());
        w.done(w.c1, w.c1.restoreVolume(vol, "first", false));
        assertEquals("v1", text(files.read("db")));
        assertEquals(List.of("first"), w.c1.snapshots(vol).stream().map(SnapshotRecord::name).toList());
    }

    @Test
    void snapshotPolicyDefaultsToNoneSoNoSnapshotsAppearByThemselves() {
        assertEquals("none", w.c1.volume("svm1", "vol3").orElseThrow().snapshotPolicy());
        w.world.advance(java.time.Duration.ofDays(2));
        assertEquals(List.of(), w.c1.snapshots(vol));
    }

    @Test
    void restorePastASnapMirrorReferenceIsRefusedUnlessForcedAndForcingBreaksUpdates() {
        w.volume(w.c2, "svm2", "vol3_dst", VolumeType.DP);
        String rel = w.relationship("svm1:vol3", "svm2:vol3_dst", "MirrorAllSnapshots", null);
        files.write("db", 0, bytes("v1"));
        snapshot("before");
        w.patch(w.c2, rel, RelationshipState.SNAPMIRRORED);

        OntapException e = assertThrows(OntapException.class, () -> w.c1.restoreVolume(vol, "before", false));
        assertEquals(OntapErrors.SNAPSHOT_RESTORE_NEWER_SNAPMIRROR, e.code());

        w.done(w.c1, w.c1.restoreVolume(vol, "before", true));
        assertEquals("v1", text(files.read("db")));
        // "before" is still common, so the next update works from it; deleting it leaves nothing in common.
        w.done(w.c1, w.c1.deleteSnapshot(vol, w.c1.snapshots(vol).get(0).uuid()));
        assertEquals(TransferState.FAILED, w.update(w.c2, rel).state());
        assertEquals(OntapErrors.SM_NO_COMMON_SNAPSHOT, w.rel(w.c2, rel).unhealthyReason().get(0).code());
    }

    @Test
    void restoringToAMissingSnapshotNamesIt() {
        OntapException e = assertThrows(OntapException.class, () -> w.c1.restoreVolume(vol, "nope", false));
        assertEquals(OntapErrors.SNAPSHOT_NOT_FOUND, e.code());
        assertEquals(404, e.httpStatus());
    }
}
