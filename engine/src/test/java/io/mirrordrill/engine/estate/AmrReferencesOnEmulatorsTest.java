package io.mirrordrill.engine.estate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.mirrordrill.engine.estate.ProtectedEstate.NS;
import static io.mirrordrill.engine.estate.ProtectedEstate.PROTECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An Established relationship whose references break (the source Application created again, a storage class
 * missing or on an unpeered SVM, an AppVault in error) says so in Ready with the reason and the fix, stays
 * Established, and is Ready again once the AMR (or the vault) is corrected.
 */
class AmrReferencesOnEmulatorsTest {
    private static final String AMR = "AppMirrorRelationship";
    private final ProtectedEstate e = new ProtectedEstate();

    @BeforeEach
    void establish() {
        e.relationship();
        awaitReady("True", Duration.ofMinutes(30));
        assertEquals("Established", amr().at("/status/state").asText());
    }

    private String appUid() {
        return e.appUid();
    }

    private ObjectNode amr() {
        return e.west.get(PROTECT, AMR, NS, "amr").orElseThrow();
    }

    private JsonNode ready(ObjectNode amr) {
        for (JsonNode c : amr.at("/status/conditions")) {
            if ("Ready".equals(c.path("type").asText())) {
                return c;
            }
        }
        return null;
    }

    private ObjectNode awaitReady(String status, Duration within) {
        return e.await(e.west, PROTECT, AMR, "amr", "status.state", s -> {
            JsonNode r = ready(amr());
            return r != null && status.equals(r.path("status").asText());
        }, within);
    }

    /** Ready False for {@code reason}, still Established, the message ending in a fix naming {@code field}. */
    private ObjectNode assertNotReadyWhileEstablished(String reason, String field, Duration within) {
        ObjectNode amr = e.await(e.west, PROTECT, AMR, "amr", "status.state",
                s -> reason.equals(ready(amr()).path("reason").asText()), within);
        JsonNode ready = ready(amr);
        assertEquals("False", ready.path("status").asText(), ready.toString());
        assertEquals("Established", amr.at("/status/state").asText(), amr.toString());
        String message = ready.path("message").asText();
        assertTrue(message.contains("Fix: ") && message.substring(message.indexOf("Fix: ")).contains(field),
                message);
        return amr;
    }

    private void patchAmr(String spec) {
        e.west.api().patch(PROTECT, AMR, NS, "amr", "{\"spec\":" + spec + "}");
    }

    private List<JsonNode> events(String reason) {
        return e.west.api().list("v1", "Event", NS, LabelSelector.everything()).stream()
                .map(r -> (JsonNode) Resources.toTree(r))
                .filter(ev -> reason.equals(ev.path("reason").asText())
                        && "amr".equals(ev.path("involvedObject").path("name").asText())).toList();
    }

    @Test
    void aSourceApplicationCreatedAgainIsReportedUntilTheUidIsCorrectedThenReplicationGoesOn() {
        String oldUid = appUid();
        e.east.api().delete(PROTECT, "Application", NS, "my-app");
        e.estate.advance(Duration.ofSeconds(1));
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: protect.trident.netapp.io/v1
                kind: Application
                metadata: {name: my-app}
                spec: {includedNamespaces: [{namespace: my-app-namespace}]}
                """);
        String newUid = appUid();
        assertNotEquals(oldUid, newUid);

        ObjectNode amr = assertNotReadyWhileEstablished("SourceApplicationUIDMismatch", "spec.sourceApplicationUID",
                Duration.ofMinutes(20));
        assertTrue(ready(amr).path("message").asText().contains(newUid), amr.toString());
        String transferred = amr.at("/status/lastTransferredSnapshot").asText();
        e.estate.advance(Duration.ofMinutes(15));
        List<JsonNode> mismatch = events("SourceApplicationUIDMismatch");
        assertEquals(1, mismatch.size(), "one Event, not one per reconcile: " + mismatch);
        assertEquals(1, mismatch.get(0).path("count").asInt(1), "recorded once: " + mismatch);

        patchAmr("{\"sourceApplicationUID\":\"" + newUid + "\"}");
        amr = e.await(e.west, PROTECT, AMR, "amr", "status.lastTransferredSnapshot",
                s -> !s.equals(transferred) && "True".equals(ready(amr()).path("status").asText()),
                Duration.ofMinutes(15));
        assertEquals("Established", amr.at("/status/state").asText());
        assertEquals(1, events("ReferenceResolved").size());
    }

    @Test
    void aStorageClassNameThatDoesNotExistIsReportedAndClearedWhenCorrected() {
        patchAmr("{\"storageClassName\":\"gold\"}");
        assertNotReadyWhileEstablished("StorageClassNotFound", "spec.storageClassName", Duration.ofMinutes(1));
        patchAmr("{\"storageClassName\":\"sc-west\"}");
        awaitReady("True", Duration.ofMinutes(1));
    }

    @Test
    void aStorageClassMappingToAMissingClassNamesTheEntry() {
        patchAmr("{\"storageClassMapping\":[{\"source\":\"sc-east\",\"destination\":\"silver\"}]}");
        assertNotReadyWhileEstablished("StorageClassNotFound", "spec.storageClassMapping[0].destination",
                Duration.ofMinutes(1));
    }

    @Test
    void aStorageClassOnAnSvmNotPeeredWithTheSourceIsReported() {
        e.estate.svm("ontap-west", "svm-lone");
        e.west.backend("nas-lone", "ontap-west", "svm-lone").storageClass("sc-lone", "nas-lone", false);
        patchAmr("{\"storageClassName\":\"sc-lone\"}");
        ObjectNode amr = assertNotReadyWhileEstablished("StorageClassNotPeered", "spec.storageClassName",
                Duration.ofMinutes(1));
        assertTrue(ready(amr).path("message").asText().contains("svm-lone"), amr.toString());
        patchAmr("{\"storageClassName\":\"sc-west\"}");
        awaitReady("True", Duration.ofMinutes(1));
    }

    @Test
    void anAppVaultInErrorIsReportedWhileReplicationStaysEstablished() {
        e.west.api().patch(PROTECT, "AppVault", "trident-protect", "dst-vault",
                "{\"spec\":{\"providerConfig\":{\"s3\":{\"bucketName\":\"no-such-bucket\"}}}}");
        e.await(e.west, PROTECT, "AppVault", "trident-protect", "dst-vault", "status.state", "Error"::equals,
                Duration.ofMinutes(1));
        // noticed at the relationship's next look at the vaults, without an edit of the relationship
        assertNotReadyWhileEstablished("AppVaultNotReady", "spec.destinationAppVaultRef", Duration.ofMinutes(10));
        e.west.api().patch(PROTECT, "AppVault", "trident-protect", "dst-vault",
                "{\"spec\":{\"providerConfig\":{\"s3\":{\"bucketName\":\"dst-bucket\"}}}}");
        awaitReady("True", Duration.ofMinutes(10));
    }
}
