package io.mirrordrill.engine.estate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static io.mirrordrill.engine.estate.ProtectedEstate.NS;
import static io.mirrordrill.engine.estate.ProtectedEstate.PROTECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failover that cannot happen as asked ends in a status a person can act on: a promotedSnapshot that names no
 * archive (set by a patch past validation) fails the relationship at once naming the field, and one that never
 * arrives fails it when the documented hour is up on the engine's clock; never Promoting forever.
 */
class AmrFailoverProblemsOnEmulatorsTest {
    private static final String AMR = "AppMirrorRelationship";
    private final ProtectedEstate e = new ProtectedEstate();

    @BeforeEach
    void establish() {
        e.relationship();
        e.await(e.west, PROTECT, AMR, "amr", "status.state", "Established"::equals, Duration.ofMinutes(30));
    }

    private ObjectNode amr() {
        return e.west.get(PROTECT, AMR, NS, "amr").orElseThrow();
    }

    private static JsonNode ready(ObjectNode amr) {
        for (JsonNode c : amr.at("/status/conditions")) {
            if ("Ready".equals(c.path("type").asText())) {
                return c;
            }
        }
        throw new AssertionError("no Ready condition: " + amr);
    }

    private void promote(String promotedSnapshot) {
        e.west.api().patch(PROTECT, AMR, NS, "amr", "{\"spec\":{\"desiredState\":\"Promoted\",\"promotedSnapshot\":"
                + (promotedSnapshot == null ? "null" : "\"" + promotedSnapshot.replace("\\", "\\\\") + "\"") + "}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../../victim_1/snapshots/20260101000000_s_1", "20260101000000_snap/x_1", "",
            "not-a-basename"})
    void aPromotedSnapshotThatNamesNoArchiveFailsTheFailoverNamingTheField(String promotedSnapshot) {
        promote(promotedSnapshot);
        ObjectNode amr = e.await(e.west, PROTECT, AMR, "amr", "status.state", "Failed"::equals,
                Duration.ofMinutes(1));
        assertEquals("InvalidPromotedSnapshot", ready(amr).path("reason").asText(), amr.toString());
        String error = amr.at("/status/error").asText();
        assertTrue(error.startsWith("spec.promotedSnapshot") && error.contains("Fix: "), error);
        assertTrue(e.west.get("apps/v1", "Deployment", NS, "db").isEmpty(), "nothing restored");

        promote(null); // corrected: the failover is retried, to the last replicated snapshot
        e.await(e.west, PROTECT, AMR, "amr", "status.state", "Promoted"::equals, Duration.ofMinutes(30));
    }

    @Test
    void aPromotedSnapshotThatNeverArrivesFailsTheFailoverWhenItsHourIsUp() {
        promote("20260101000000_never_0b6b1f7e-0000-4000-8000-000000000000");
        ObjectNode promoting = e.await(e.west, PROTECT, AMR, "amr", "status.state", "Promoting"::equals,
                Duration.ofMinutes(1));
        Instant began = Instant.parse(ready(promoting).path("lastTransitionTime").asText());

        e.estate.advance(Duration.between(e.estate.world().now(), began.plus(Duration.ofMinutes(59))));
        assertEquals("Promoting", amr().at("/status/state").asText(), "still waiting within the hour: " + amr());

        ObjectNode failed = e.await(e.west, PROTECT, AMR, "amr", "status.state", "Failed"::equals,
                Duration.ofMinutes(5));
        assertEquals("PromotedSnapshotNotFound", ready(failed).path("reason").asText(), failed.toString());
        Instant at = Instant.parse(ready(failed).path("lastTransitionTime").asText());
        assertTrue(!at.isBefore(began.plus(Duration.ofHours(1))), "failed at " + at + ", began " + began);
        assertTrue(failed.at("/status/error").asText().contains("Fix: "), failed.toString());
    }
}
