package io.mirrordrill.emulator.ontap;

import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.RelationshipCreate;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.port.ontap.VolumeCreate;
import io.mirrordrill.port.ontap.VolumeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad requests fail synchronously with ONTAP's code and change nothing. */
class OntapErrorsTest {
    private final TwoSites w = new TwoSites(3);

    private static OntapException fails(String code, Executable call) {
        OntapException e = assertThrows(OntapException.class, call);
        assertEquals(code, e.code(), e::toString);
        return e;
    }

    @Test
    void volumeNamesAreCheckedLikeOntapDoes() {
        fails(OntapErrors.VOLUME_NAME_TOO_LONG, () -> w.c1.createVolume(
                new VolumeCreate("v".repeat(204), "svm1", 1 << 30, VolumeType.RW)));
        fails(OntapErrors.VOLUME_NAME_BAD_FIRST_CHAR, () -> w.c1.createVolume(
                new VolumeCreate("1vol", "svm1", 1 << 30, VolumeType.RW)));
        fails(OntapErrors.VOLUME_SVM_NOT_FOUND, () -> w.c1.createVolume(
                new VolumeCreate("vol", "nosuch", 1 << 30, VolumeType.RW)));
        w.volume(w.c1, "svm1", "vol", VolumeType.RW);
        fails(OntapErrors.VOLUME_DUPLICATE_NAME, () -> w.c1.createVolume(
                new VolumeCreate("vol", "svm1", 1 << 30, VolumeType.RW)));
        assertEquals(1, w.c1.volumes("svm1").size());
    }

    @Test
    void relationshipRequestsAreValidatedBeforeAnythingIsCreated() {
        w.volume(w.c1, "svm1", "src", VolumeType.RW);
        w.volume(w.c2, "svm2", "rw_dst", VolumeType.RW);
        w.volume(w.c2, "svm2", "dst", VolumeType.DP);
        fails(OntapErrors.SM_PATH_LACKS_COLON, () -> w.c2.createRelationship(
                new RelationshipCreate("svm1/src", "svm2:dst", null, null)));
        fails(OntapErrors.SM_INVALID_POLICY, () -> w.c2.createRelationship(
                new RelationshipCreate("svm1:src", "svm2:dst", "MirrorEverything", null)));
        fails(OntapErrors.SM_SCHEDULE_NOT_FOUND, () -> w.c2.createRelationship(
                new RelationshipCreate("svm1:src", "svm2:dst", null, "every-3-minutes")));
        fails(OntapErrors.SM_DESTINATION_NOT_DP, () -> w.c2.createRelationship(
                new RelationshipCreate("svm1:src", "svm2:rw_dst", null, null)));
        fails(OntapErrors.SM_SOURCE_EQUALS_DESTINATION, () -> w.c2.createRelationship(
                new RelationshipCreate("svm2:dst", "svm2:dst", null, null)));
        fails(OntapErrors.NOT_SUPPORTED, () -> w.c2.createRelationship(
                new RelationshipCreate("svm1:src", "svm2:dst", "StrictSync", null)));
        assertEquals(List.of(), w.c2.relationships(false));

        w.relationship("svm1:src", "svm2:dst", null, null);
        fails(OntapErrors.SM_RELATIONSHIP_EXISTS, () -> w.c2.createRelationship(
                new RelationshipCreate("svm1:src", "svm2:dst", null, null)));
        assertEquals("Asynchronous", w.c2.relationships(false).get(0).policy());
    }

    @Test
    void aRelationshipBetweenUnpeeredSvmsIsRefusedWith13303886() {
        w.done(w.c2, w.c2.createSvm("svm3", SvmSubtype.DEFAULT));
        w.volume(w.c1, "svm1", "src", VolumeType.RW);
        w.volume(w.c2, "svm3", "dst", VolumeType.DP);
        OntapException e = fails(OntapErrors.SM_SVM_PEER_MISSING, () -> w.c2.createRelationship(
                new RelationshipCreate("svm1:src", "svm3:dst", null, null)));
        assertTrue(e.getMessage().contains("svm3") && e.getMessage().contains("svm1"), e.getMessage());
    }

    @Test
    void svmPeeringNeedsAClusterPeerAcceptedOnBothSides() {
        w.ontap.addCluster("c3", "east");
        var c3 = w.ontap.port("c3", "east");
        w.done(c3, c3.createSvm("svm9", SvmSubtype.DEFAULT));
        fails(OntapErrors.SM_SVM_PEER_MISSING, () -> c3.createSvmPeer("svm9", "c1", "svm1", null));
        c3.createClusterPeer(List.of("c1.intercluster"), "passphrase-one");
        assertEquals("pending", c3.clusterPeers().get(0).state());
        fails(OntapErrors.PERMISSION_DENIED, () -> w.c1.createClusterPeer(List.of("c3.intercluster"), "wrong-phrase"));
        w.c1.createClusterPeer(List.of("c3.intercluster"), "passphrase-one");
        assertEquals("available", c3.clusterPeers().get(0).state());
        assertTrue(c3.clusterPeers().toString().indexOf("passphrase-one") < 0, "passphrases never appear in records");
    }

    @Test
    void svmNamesAreUniqueAcrossClusters() {
        fails(OntapErrors.EXISTS, () -> w.c2.createSvm("svm1", SvmSubtype.DEFAULT));
    }

    @Test
    void aClusterAtADownSiteIsUnreachable() {
        w.world.network().siteDown("east");
        UnreachableException e = assertThrows(UnreachableException.class, () -> w.c1.svms());
        assertTrue(e.getMessage().contains("c1"), e.getMessage());
        var fromWest = w.ontap.port("c2", "west");
        assertEquals(1, fromWest.svms().size());
    }

    @Test
    void unknownJobsAndRelationshipsAreNotFound() {
        assertEquals(404, fails(OntapErrors.NOT_FOUND, () -> w.c1.job("no-such-job")).httpStatus());
        assertEquals(java.util.Optional.empty(), w.c1.relationship("no-such-relationship"));
    }
}
