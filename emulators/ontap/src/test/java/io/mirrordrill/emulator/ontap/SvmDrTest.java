package io.mirrordrill.emulator.ontap;

import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.RelationshipCreate;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.SvmState;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.emulator.ontap.blocks.DataPathException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.mirrordrill.emulator.ontap.TwoSites.bytes;
import static io.mirrordrill.emulator.ontap.TwoSites.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** SVM disaster recovery as the Trident documentation describes it (seed 002). */
class SvmDrTest {
    private final TwoSites w = new TwoSites(21);
    private final String rel;

    SvmDrTest() {
        w.volume(w.c1, "svm1", "etcd", VolumeType.RW);
        w.volume(w.c1, "svm1", "trident_pvc_1", VolumeType.RW);
        w.files("c1", "svm1", "etcd").write("member/snap/db", 0, bytes("etcd-state"));
        w.files("c1", "svm1", "trident_pvc_1").write("data", 0, bytes("app-data"));
        w.done(w.c2, w.c2.createSvm("svm_backup", SvmSubtype.DP_DESTINATION));
        w.peerSvms("svm_backup", "svm1");
        w.done(w.c2, w.c2.createRelationship(new RelationshipCreate("svm1:", "svm_backup:", "MirrorAllSnapshots",
                "hourly", "full")));
        rel = w.c2.relationships(false).get(0).uuid();
        w.patch(w.c2, rel, RelationshipState.SNAPMIRRORED);
    }

    @Test
    void theBaselineReplicatesEveryVolumeIntoAStoppedDestinationSvm() {
        RelationshipRecord r = w.rel(w.c2, rel);
        assertEquals("svm_dr", r.groupType());
        assertEquals("full", r.identityPreservation());
        assertEquals(SvmState.STOPPED, w.c2.svm("svm_backup").orElseThrow().state());
        assertEquals(2, w.c2.volumes("svm_backup").size());
        w.c2.volumes("svm_backup").forEach(v -> assertEquals(VolumeType.DP, v.type()));
        OntapException e = assertThrows(OntapException.class,
                () -> w.c2.setSvmState("svm_backup", SvmState.RUNNING));
        assertEquals(OntapErrors.SVM_DP_DESTINATION_START, e.code());
    }

    @Test
    void activationRefusesToStartTheDestinationWhileTheSourceRunsThenServesTheData() {
        w.files("c1", "svm1", "trident_pvc_1").write("data", 0, bytes("app-data-2"));
        w.world.advance(Duration.ofHours(1));  // the hourly schedule carries the change

        w.patch(w.c2, rel, RelationshipState.PAUSED);
        w.patch(w.c2, rel, RelationshipState.BROKEN_OFF);
        assertEquals(SvmSubtype.DEFAULT, w.c2.svm("svm_backup").orElseThrow().subtype());
        w.c2.volumes("svm_backup").forEach(v -> assertEquals(VolumeType.RW, v.type()));

        OntapException e = assertThrows(OntapException.class,
                () -> w.c2.setSvmState("svm_backup", SvmState.RUNNING));
        assertEquals(OntapErrors.SVM_DR_SOURCE_RUNNING, e.code());
        VolumeFiles stopped = w.files("c2", "svm_backup", "trident_pvc_1");
        assertThrows(DataPathException.class, () -> stopped.read("data"));

        w.done(w.c1, w.c1.setSvmState("svm1", SvmState.STOPPED));
        w.done(w.c2, w.c2.setSvmState("svm_backup", SvmState.RUNNING));
        assertEquals("app-data-2", text(stopped.read("data")));
        assertEquals("etcd-state", text(w.files("c2", "svm_backup", "etcd").read("member/snap/db")));
        stopped.append("data", bytes("+dr"));

        // the source cannot come back while the destination runs the same identity
        OntapException twin = assertThrows(OntapException.class, () -> w.c1.setSvmState("svm1", SvmState.RUNNING));
        assertEquals(OntapErrors.SVM_DR_SOURCE_RUNNING, twin.code());
    }

    @Test
    void failbackResyncsInReverseKeepingTheDisasterSitesWrites() {
        w.patch(w.c2, rel, RelationshipState.BROKEN_OFF);
        w.done(w.c1, w.c1.setSvmState("svm1", SvmState.STOPPED));
        w.done(w.c2, w.c2.setSvmState("svm_backup", SvmState.RUNNING));
        w.files("c2", "svm_backup", "trident_pvc_1").append("data", bytes("+dr"));

        JobRecord reverse = w.c1.patchRelationship(rel, RelationshipPatch.reverse("svm_backup:", "svm1:"));
        w.done(w.c1, reverse);
        w.awaitTransfer(w.c1, rel);
        assertEquals(SvmSubtype.DP_DESTINATION, w.c1.svm("svm1").orElseThrow().subtype());
        w.c1.volumes("svm1").forEach(v -> assertEquals(VolumeType.DP, v.type()));
        assertEquals("svm_backup:", w.rel(w.c1, rel).sourcePath());
        assertEquals("app-data+dr", text(w.readRaw("c1", "svm1", "trident_pvc_1", "data")));
    }
}
