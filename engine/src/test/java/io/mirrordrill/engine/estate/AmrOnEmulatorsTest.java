package io.mirrordrill.engine.estate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

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
}
