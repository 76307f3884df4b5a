package io.mirrordrill.engine.estate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.emulator.estate.EstateCluster;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.mirrordrill.engine.estate.ProtectedEstate.NS;
import static io.mirrordrill.engine.estate.ProtectedEstate.PROTECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AppMirrorRelationship controller on the emulators, the seed's set-up and failover without the drill runner:
 * it establishes (the destination claim a DP volume replicated by SnapMirror) and promotes (the app restored and
 * running on the destination, its claim writable).
 */
class AmrOnEmulatorsTest {
    private final ProtectedEstate e = new ProtectedEstate();

    @BeforeEach
    void setUp() {
        e.relationship();
    }

    @Test
    void theRelationshipEstablishesWithADestinationClaimThatIsNotWritable() {
        ObjectNode amr = e.await(e.west, PROTECT, "AppMirrorRelationship", "amr", "status.state",
                "Established"::equals, Duration.ofMinutes(30));
        assertEquals("Established", amr.at("/status/state").asText());
        assertTrue(amr.at("/metadata/finalizers").size() > 0, "the runtime keeps a finalizer on it: " + amr);
        ObjectNode claim = e.west.get("v1", "PersistentVolumeClaim", NS, "data").orElseThrow();
        assertEquals("sc-west", claim.at("/spec/storageClassName").asText(), claim.toString());
        assertFalse(e.west.get("apps/v1", "Deployment", NS, "db").isPresent(),
                "no app on the destination while Established");
    }

    @Test
    void promotingRestoresTheAppOnTheDestination() {
        e.await(e.west, PROTECT, "AppMirrorRelationship", "amr", "status.state", "Established"::equals,
                Duration.ofMinutes(30));
        e.west.api().patch(PROTECT, "AppMirrorRelationship", NS, "amr", "{\"spec\":{\"desiredState\":\"Promoted\"}}");
        e.await(e.west, PROTECT, "AppMirrorRelationship", "amr", "status.state", "Promoted"::equals,
                Duration.ofMinutes(30));
        e.await(e.west, "apps/v1", "Deployment", "db", "status.readyReplicas", "1"::equals, Duration.ofMinutes(10));
    }

    @Test
    void aClaimThatIsNotBoundIsNamedOnTheRelationshipWhileTheBoundOnesReplicateAndFailOver() {
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: scratch}
                spec: {accessModes: [ReadWriteOnce], storageClassName: no-such-class, resources: {requests: {storage: 1Gi}}}
                """);
        ObjectNode amr = e.await(e.west, PROTECT, "AppMirrorRelationship", "amr", "status.state",
                "Established"::equals, Duration.ofMinutes(30));
        String ready = amr.at("/status/conditions/0/message").asText();
        assertTrue(ready.contains("PVC my-app-namespace/scratch (Pending) not replicated"), amr.toString());
        assertTrue(e.west.get("v1", "PersistentVolumeClaim", NS, "data").isPresent(), "the bound claim replicates");
        assertFalse(e.west.get("v1", "PersistentVolumeClaim", NS, "scratch").isPresent(),
                "no destination claim for a claim without a volume");
        List<JsonNode> warnings = e.west.api().list("v1", "Event", NS, LabelSelector.everything()).stream()
                .map(Resources::toTree).filter(ev -> "ClaimNotReplicated".equals(ev.path("reason").asText()))
                .map(ev -> (JsonNode) ev).toList();
        assertEquals(1, warnings.size(), "one Event, counted up per snapshot");
        assertEquals("Warning", warnings.get(0).path("type").asText());
        assertTrue(warnings.get(0).path("message").asText().contains("my-app-namespace/scratch (Pending)"),
                warnings.toString());
        e.west.api().patch(PROTECT, "AppMirrorRelationship", NS, "amr", "{\"spec\":{\"desiredState\":\"Promoted\"}}");
        e.await(e.west, PROTECT, "AppMirrorRelationship", "amr", "status.state", "Promoted"::equals,
                Duration.ofMinutes(30));
        e.await(e.west, "apps/v1", "Deployment", "db", "status.readyReplicas", "1"::equals, Duration.ofMinutes(10));
    }

    /** The size of the ONTAP volume behind a claim, read from ONTAP. */
    private long volumeSize(EstateCluster cluster, String ontap, String svm, String site) {
        ObjectNode pvc = cluster.get("v1", "PersistentVolumeClaim", NS, "data").orElseThrow();
        ObjectNode pv = cluster.get("v1", "PersistentVolume", null, pvc.at("/spec/volumeName").asText()).orElseThrow();
        String internal = pv.at("/spec/csi/volumeAttributes/internalName").asText();
        return e.estate.ontap().port(ontap, site).volume(svm, internal).orElseThrow().size();
    }

    @Test
    void anExpandedSourceClaimGrowsTheDestinationClaimAndItsVolumeBeforeAndAfterFailover() {
        e.await(e.west, PROTECT, "AppMirrorRelationship", "amr", "status.state", "Established"::equals,
                Duration.ofMinutes(30));
        e.east.api().patch("v1", "PersistentVolumeClaim", NS, "data",
                "{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"2Gi\"}}}}");
        e.await(e.east, "v1", "PersistentVolumeClaim", "data", "status.capacity.storage", "2Gi"::equals,
                Duration.ofMinutes(1));
        assertEquals(2L << 30, volumeSize(e.east, "ontap-east", "svm-east", "east"), "Trident grew the source");

        ObjectNode claim = e.await(e.west, "v1", "PersistentVolumeClaim", "data", "status.capacity.storage",
                "2Gi"::equals, Duration.ofMinutes(15));
        assertEquals("2Gi", claim.at("/spec/resources/requests/storage").asText(), "the next replication asks");
        assertEquals(2L << 30, volumeSize(e.west, "ontap-west", "svm-west", "west"), "the DP volume grew");

        e.west.api().patch(PROTECT, "AppMirrorRelationship", NS, "amr", "{\"spec\":{\"desiredState\":\"Promoted\"}}");
        e.await(e.west, PROTECT, "AppMirrorRelationship", "amr", "status.state", "Promoted"::equals,
                Duration.ofMinutes(30));
        ObjectNode restored = e.west.get("v1", "PersistentVolumeClaim", NS, "data").orElseThrow();
        assertEquals("2Gi", restored.at("/status/capacity/storage").asText(), restored.toString());
    }
}
