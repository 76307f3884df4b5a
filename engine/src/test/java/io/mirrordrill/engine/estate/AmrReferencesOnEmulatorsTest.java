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
 * missing or on an unpeered SVM, an AppVault in error, a volume's namespace not mapped) says so in Ready with the
 * reason and the fix, stays Established, replicates what it still can, and is Ready again once the AMR (or the vault)
 * is corrected. Its last transferred snapshot never goes back.
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
        // source retention has deleted the old application's newest snapshots meanwhile: nothing older replicates
        amr = amr();
        assertEquals(transferred, amr.at("/status/lastTransferredSnapshot").asText(), amr.toString());
        assertEquals("Established", amr.at("/status/state").asText(), amr.toString());
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
    void anApplicationOfTheSameNameInAnotherNamespaceSharingTheVaultIsNotTakenForAReplacement() {
        // just after an occurrence of the relationship's schedule (every 5 minutes from 00:02), before the relationship
        // looks at the vault (30 s after it): the other application's archive is then the newest of the name
        java.time.Instant now = e.estate.world().now();
        java.time.Instant next = java.time.Instant.parse("2026-01-01T00:02:00Z");
        while (!next.isAfter(now)) {
            next = next.plus(Duration.ofMinutes(5));
        }
        e.estate.advance(Duration.between(now, next.plusSeconds(2)));
        ProtectedEstate.apply(e.east, null, """
                apiVersion: v1
                kind: Namespace
                metadata: {name: other-namespace}
                """);
        ProtectedEstate.apply(e.east, "other-namespace", """
                apiVersion: protect.trident.netapp.io/v1
                kind: Application
                metadata: {name: my-app}
                spec: {includedNamespaces: [{namespace: other-namespace}]}
                ---
                apiVersion: protect.trident.netapp.io/v1
                kind: Snapshot
                metadata: {name: other-app-snapshot}
                spec: {applicationRef: my-app, appVaultRef: src-vault}
                """);
        e.await(e.east, PROTECT, "Snapshot", "other-namespace", "other-app-snapshot", "status.state",
                "Completed"::equals, Duration.ofSeconds(25));
        e.estate.advance(Duration.ofMinutes(10));
        JsonNode ready = ready(amr());
        assertEquals("True", ready.path("status").asText(), ready.toString());
        assertEquals(List.of(), events("SourceApplicationUIDMismatch"));
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

    @Test
    void aVolumeInAnUnmappedNamespaceIsReportedWhileTheMappedVolumesGoOnReplicating() {
        String transferred = amr().at("/status/lastTransferredSnapshot").asText();
        e.east.namespace("my-app-logs");
        ProtectedEstate.apply(e.east, "my-app-logs", """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: logs}
                spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                """);
        e.await(e.east, "v1", "PersistentVolumeClaim", "my-app-logs", "logs", "status.phase", "Bound"::equals,
                Duration.ofMinutes(5));
        e.east.api().patch(PROTECT, "Application", NS, "my-app", "{\"spec\":{\"includedNamespaces\":["
                + "{\"namespace\":\"my-app-namespace\"},{\"namespace\":\"my-app-logs\"}]}}");

        ObjectNode amr = assertNotReadyWhileEstablished("NamespaceNotMapped", "spec.namespaceMapping",
                Duration.ofMinutes(15));
        String message = ready(amr).path("message").asText();
        assertTrue(message.contains("\"my-app-logs\" (PVC logs)") && message.contains("the others are"), message);
        // the next snapshots (with both volumes) go on replicating the mapped volume, still Established
        amr = e.await(e.west, PROTECT, AMR, "amr", "status.lastTransferredSnapshot", s -> !s.equals(transferred),
                Duration.ofMinutes(10));
        assertEquals("Established", amr.at("/status/state").asText(), amr.toString());
        assertEquals("NamespaceNotMapped", ready(amr).path("reason").asText(), amr.toString());
        assertTrue(e.west.get("v1", "Namespace", null, "my-app-logs").isEmpty(), "nothing made for the unmapped one");

        e.west.namespace("my-app-logs");
        patchAmr("{\"namespaceMapping\":[{\"source\":\"my-app-namespace\",\"destination\":\"my-app-namespace\"},"
                + "{\"source\":\"my-app-logs\",\"destination\":\"my-app-logs\"}]}");
        awaitReady("True", Duration.ofMinutes(1));
        // the volume joins with the next snapshot: its mirror claim made, and that snapshot transferred
        String before = amr().at("/status/lastTransferredSnapshot").asText();
        amr = e.await(e.west, PROTECT, AMR, "amr", "status.lastTransferredSnapshot", s -> !s.equals(before),
                Duration.ofMinutes(10));
        assertEquals("Established", amr.at("/status/state").asText(), amr.toString());
        assertEquals("True", ready(amr).path("status").asText(), amr.toString());
        ObjectNode logs = e.west.get("v1", "PersistentVolumeClaim", "my-app-logs", "logs").orElseThrow();
        assertEquals("amr", logs.at("/metadata/annotations/trident.netapp.io~1mirrorRelationship").asText(),
                logs.toString());
    }

    @Test
    void aMappingThatCoversNoVolumeFailsSayingNothingCanBeReplicatedUntilCorrected() {
        String transferred = amr().at("/status/lastTransferredSnapshot").asText();
        patchAmr("{\"namespaceMapping\":[{\"source\":\"elsewhere\",\"destination\":\"my-app-namespace\"}]}");
        ObjectNode amr = e.await(e.west, PROTECT, AMR, "amr", "status.state", "Failed"::equals,
                Duration.ofMinutes(1));
        assertEquals("NamespaceNotMapped", ready(amr).path("reason").asText(), amr.toString());
        String error = amr.at("/status/error").asText();
        assertTrue(error.contains("nothing of the application can be replicated")
                && error.contains("Fix: add {source: my-app-namespace, destination: <namespace>}"), error);
        assertEquals(transferred, amr.at("/status/lastTransferredSnapshot").asText(), amr.toString());

        patchAmr("{\"namespaceMapping\":[{\"source\":\"my-app-namespace\",\"destination\":\"my-app-namespace\"}]}");
        amr = awaitReady("True", Duration.ofMinutes(10));
        assertEquals("Established", amr.at("/status/state").asText(), amr.toString());
    }

    @Test
    void theLastTransferredSnapshotNeverGoesBackWhenTheNewestSourceSnapshotIsDeleted() {
        String first = amr().at("/status/lastTransferredSnapshot").asText();
        String last = e.await(e.west, PROTECT, AMR, "amr", "status.lastTransferredSnapshot", s -> !s.equals(first),
                Duration.ofMinutes(10)).at("/status/lastTransferredSnapshot").asText();
        e.east.api().patch(PROTECT, "Schedule", NS, "mirror-schedule", "{\"spec\":{\"enabled\":false}}");
        String snapshot = last.split("_")[1];
        e.east.api().delete(PROTECT, "Snapshot", NS, snapshot); // reclaim Delete: its archive goes too
        assertTrue(e.estate.world().runUntil(() -> e.east.get(PROTECT, "Snapshot", NS, snapshot).isEmpty(),
                Duration.ofMinutes(5)), snapshot + " deleted");
        List<String> older = e.east.api().list(PROTECT, "Snapshot", NS, LabelSelector.everything()).stream()
                .map(s -> s.getMetadata().getName()).toList();
        assertTrue(!older.isEmpty(), "an older snapshot is left in the source vault: " + older);

        e.estate.advance(Duration.ofMinutes(15));
        ObjectNode amr = amr();
        assertEquals(last, amr.at("/status/lastTransferredSnapshot").asText(), amr.toString());
        assertEquals("Established", amr.at("/status/state").asText(), amr.toString());
        assertEquals("True", ready(amr).path("status").asText(), amr.toString());
    }
}
