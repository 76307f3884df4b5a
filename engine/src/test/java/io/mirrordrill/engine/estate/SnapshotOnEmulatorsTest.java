package io.mirrordrill.engine.estate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static io.mirrordrill.engine.estate.ProtectedEstate.NS;
import static io.mirrordrill.engine.estate.ProtectedEstate.PROTECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Snapshot controller on the emulators: an app's snapshot completes, with its archive committed last. */
class SnapshotOnEmulatorsTest {
    private final ProtectedEstate e = new ProtectedEstate();

    @Test
    void aSnapshotOfARunningAppCompletesWithItsVolumeSnapshotAndACommittedArchive() {
        e.vault(e.east, "src-vault", "s3.east.example", "src-bucket", "s3-secret");
        e.await(e.east, PROTECT, "AppVault", "trident-protect", "src-vault", "status.state", "Available"::equals,
                Duration.ofMinutes(1));
        e.app();
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: protect.trident.netapp.io/v1
                kind: Snapshot
                metadata: {name: snap-1}
                spec: {applicationRef: my-app, appVaultRef: src-vault, reclaimPolicy: Retain}
                """);
        ObjectNode snapshot = e.await(e.east, PROTECT, "Snapshot", "snap-1", "status.state",
                s -> s.equals("Completed") || s.equals("Failed"), Duration.ofMinutes(10));
        assertEquals("Completed", snapshot.at("/status/state").asText(), snapshot.toString());

        String archive = snapshot.at("/status/appArchivePath").asText();
        List<String> keys = e.estate.store("s3.east.example").port("east").list(ListRequest.of("src-bucket"))
                .objects().stream().map(ObjectInfo::key).toList();
        assertTrue(keys.stream().anyMatch(k -> k.startsWith(archive)), archive + " in " + keys);
        assertEquals(1, e.east.api().list("snapshot.storage.k8s.io/v1", "VolumeSnapshot", NS,
                io.mirrordrill.port.kubernetes.LabelSelector.everything()).size(), "one VolumeSnapshot for one claim");
    }

    private ObjectNode failedSnapshot(String spec) {
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: protect.trident.netapp.io/v1
                kind: Snapshot
                metadata: {name: snap-x}
                spec: %s
                """.formatted(spec));
        ObjectNode snapshot = e.await(e.east, PROTECT, "Snapshot", "snap-x", "status.state",
                s -> s.equals("Completed") || s.equals("Failed"), Duration.ofMinutes(10));
        assertEquals("Failed", snapshot.at("/status/state").asText(), snapshot.toString());
        return snapshot;
    }

    @Test
    void aSnapshotOfAMissingApplicationFailsNamingTheFieldAndTheFix() {
        e.vault(e.east, "src-vault", "s3.east.example", "src-bucket", "s3-secret");
        String error = failedSnapshot("{applicationRef: gone, appVaultRef: src-vault}").at("/status/error").asText();
        assertTrue(error.contains("Application gone not found") && error.contains("Fix: ")
                && error.contains("spec.applicationRef"), error);
    }

    @Test
    void aSnapshotIntoAMissingAppVaultFailsNamingTheFieldAndTheFix() {
        e.app();
        String error = failedSnapshot("{applicationRef: my-app, appVaultRef: nowhere}").at("/status/error").asText();
        assertTrue(error.contains("AppVault nowhere not found") && error.contains("Fix: ")
                && error.contains("spec.appVaultRef"), error);
    }

    @Test
    void aSnapshotIntoAnAppVaultInErrorFailsNamingTheVault() {
        e.vault(e.east, "src-vault", "s3.east.example", "no-such-bucket", "s3-secret");
        e.await(e.east, PROTECT, "AppVault", "trident-protect", "src-vault", "status.state", "Error"::equals,
                Duration.ofMinutes(1));
        e.app();
        String error = failedSnapshot("{applicationRef: my-app, appVaultRef: src-vault}").at("/status/error").asText();
        assertTrue(error.contains("src-vault") && error.contains("Fix: "), error);
    }

    @Test
    void aSnapshotOfAnApplicationInErrorFailsNamingTheApplicationsProblem() {
        e.vault(e.east, "src-vault", "s3.east.example", "src-bucket", "s3-secret");
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: protect.trident.netapp.io/v1
                kind: Application
                metadata: {name: lost}
                spec: {includedNamespaces: [{namespace: my-app-namespace}, {namespace: no-such-namespace}]}
                """);
        e.await(e.east, PROTECT, "Application", "lost", "status.state", "Failed"::equals, Duration.ofMinutes(1));
        String error = failedSnapshot("{applicationRef: lost, appVaultRef: src-vault}").at("/status/error").asText();
        assertTrue(error.startsWith("Application lost") && error.contains("no-such-namespace")
                && error.contains("Fix: "), error);
    }

    private void snapshotWhileTheBucketIsDown(String annotations) {
        e.vault(e.east, "src-vault", "s3.east.example", "src-bucket", "s3-secret");
        e.await(e.east, PROTECT, "AppVault", "trident-protect", "src-vault", "status.state", "Available"::equals,
                Duration.ofMinutes(1));
        e.app();
        e.estate.store("s3.east.example").bucketOutage("src-bucket");
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: protect.trident.netapp.io/v1
                kind: Snapshot
                metadata: {name: snap-1, annotations: {%s}}
                spec: {applicationRef: my-app, appVaultRef: src-vault, reclaimPolicy: Retain}
                """.formatted(annotations));
    }

    @Test
    void aSnapshotStillRunningAfterItsCompletionTimeoutIsFailedNamingTheAnnotation() {
        snapshotWhileTheBucketIsDown("protect.trident.netapp.io/snapshot-completion-timeout: 5m");
        e.estate.advance(Duration.ofMinutes(4));
        assertEquals("Running", ProtectedEstate.read(e.east, PROTECT, "Snapshot", NS, "snap-1", "status.state")
                .orElse(""), "retrying the bucket before the limit");
        assertEquals("", ProtectedEstate.read(e.east, PROTECT, "Snapshot", NS, "snap-1", "status.error").orElse(""));
        ObjectNode failing = e.await(e.east, PROTECT, "Snapshot", "snap-1", "status.error", s -> !s.isEmpty(),
                Duration.ofMinutes(10));  // looked at again at the retry after the limit
        String error = failing.at("/status/error").asText();
        assertTrue(error.contains("did not complete within 5m")
                && error.contains("protect.trident.netapp.io/snapshot-completion-timeout"), error);
        e.estate.store("s3.east.example").restoreBucket("src-bucket");
        e.await(e.east, PROTECT, "Snapshot", "snap-1", "status.state", "Failed"::equals, Duration.ofMinutes(5));
    }

    @Test
    void withoutACompletionTimeoutASnapshotKeepsRetryingAnUnreachableBucket() {
        snapshotWhileTheBucketIsDown("");
        e.estate.advance(Duration.ofMinutes(30));
        assertEquals("Running", ProtectedEstate.read(e.east, PROTECT, "Snapshot", NS, "snap-1", "status.state")
                .orElse(""));
        assertEquals("", ProtectedEstate.read(e.east, PROTECT, "Snapshot", NS, "snap-1", "status.error").orElse(""));
    }

    @Test
    void anUnreadableTimeoutAnnotationFailsTheSnapshotWithTheFormat() {
        snapshotWhileTheBucketIsDown("protect.trident.netapp.io/snapshot-completion-timeout: soon");
        e.estate.store("s3.east.example").restoreBucket("src-bucket");
        ObjectNode snapshot = e.await(e.east, PROTECT, "Snapshot", "snap-1", "status.state", "Failed"::equals,
                Duration.ofMinutes(5));
        assertTrue(snapshot.at("/status/error").asText().contains("\"soon\" is not a positive duration"),
                snapshot.toString());
    }

    @Test
    void aSnapshotsHookResultsKeepTheHooksOutputWithSecretsMaskedAndItsEventQuotesTheFirstLine() {
        e.vault(e.east, "src-vault", "s3.east.example", "src-bucket", "s3-secret");
        e.app();
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: v1
                kind: Secret
                metadata: {name: db-credentials}
                stringData: {password: correct-horse-battery}
                ---
                apiVersion: protect.trident.netapp.io/v1
                kind: ExecHook
                metadata: {name: flush}
                spec:
                  applicationRef: my-app
                  action: Snapshot
                  stage: Pre
                  hookSource: %s
                ---
                apiVersion: protect.trident.netapp.io/v1
                kind: Snapshot
                metadata: {name: snap-1}
                spec: {applicationRef: my-app, appVaultRef: src-vault, reclaimPolicy: Retain}
                """.formatted(Base64.getEncoder().encodeToString(
                "echo flushing with correct-horse-battery\necho flushed".getBytes(StandardCharsets.UTF_8))));
        ObjectNode snapshot = e.await(e.east, PROTECT, "Snapshot", "snap-1", "status.state",
                s -> s.equals("Completed") || s.equals("Failed"), Duration.ofMinutes(10));

        assertEquals("Completed", snapshot.at("/status/state").asText(), snapshot.toString());
        assertEquals("flushing with ***\nflushed\n", snapshot.at("/status/hookResults/0/stdout").asText(),
                snapshot.toString());
        assertFalse(snapshot.toString().contains("correct-horse-battery"), snapshot.toString());
        List<String> ran = FailoverHooksOnEmulatorsTest.events(e.east, "ExecHookSucceeded");
        assertEquals(1, ran.size(), ran.toString());
        assertTrue(ran.get(0).endsWith("Succeeded (exit code 0): flushing with ***"), ran.get(0));
    }
}
