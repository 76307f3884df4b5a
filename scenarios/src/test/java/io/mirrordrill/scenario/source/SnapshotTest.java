package io.mirrordrill.scenario.source;

import static io.mirrordrill.scenario.source.SourceWorld.APP;
import static io.mirrordrill.scenario.source.SourceWorld.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.emulator.s3.S3Faults;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.VolumeSnapshotEntry;
import io.mirrordrill.engine.model.SnapshotStatus;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.engine.restore.NamespaceMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Snapshot controller on the simulated source site: archive, volume snapshots, reclaim policies, failures. */
class SnapshotTest {
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private static List<JsonNode> volumeSnapshots(SourceWorld w) {
        return w.cluster.api().list("snapshot.storage.k8s.io/v1", "VolumeSnapshot", NS, LabelSelector.everything())
                .stream().map(r -> (JsonNode) Resources.toTree(r)).toList();
    }

    private static List<String> bucketKeys(SourceWorld w) {
        return w.bucket().list(ListRequest.of(SourceWorld.BUCKET)).objects().stream().map(o -> o.key()).toList();
    }

    @Test
    void anAppWithADeploymentAndTwoClaimsGetsACompletedSnapshotWhoseArchiveHoldsItsResourcesNamespaceAndVolumes() {
        SourceWorld w = new SourceWorld(1);
        w.write(5);
        w.snapshot("snap-1", "Retain");
        List<String> states = new ArrayList<>();
        w.world.world().runUntil(() -> {
            String state = w.state("Snapshot", "snap-1");
            if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) {
                states.add(state);
            }
            return state.equals("Completed");
        }, LIMIT);
        w.write(3); // after the snapshot: in the live volumes only

        assertEquals(List.of("", "Running", "Completed"), states);
        SnapshotStatus status = w.status("Snapshot", "snap-1");
        String uid = w.get("Snapshot", "snap-1").orElseThrow().path("metadata").path("uid").asText();
        assertTrue(Pattern.matches(APP + "_" + w.appUid() + "/snapshots/\\d{14}_snap-1_" + uid,
                status.appArchivePath()), status.appArchivePath());
        assertNull(status.error());

        Archive archive = w.archive("Snapshot", "snap-1");
        List<String> resources = archive.content().describeResources();
        assertEquals(List.of("Deployment my-app-namespace/web", "ConfigMap my-app-namespace/settings",
                "PersistentVolume " + pv(w, "data"), "PersistentVolume " + pv(w, "logs"),
                "PersistentVolumeClaim my-app-namespace/data", "PersistentVolumeClaim my-app-namespace/logs",
                "Secret my-app-namespace/db-password", "Service my-app-namespace/web"),
                resources, "in the archive's order (apiVersion, kind, namespace, name); pods (owned by the Deployment), Application, Snapshot and"
                        + " VolumeSnapshots are not captured");
        assertEquals(List.of(NamespaceMetadata.of(NS, Map.of("name", NS, "environment", "production", "compliance",
                "hipaa", "kubernetes.io/metadata.name", NS), Map.of("annotation.one/key", "updatedvalue", "annotation.two/key", "true"))),
                archive.content().namespaces());
        assertEquals(List.of(), archive.content().hooks());

        List<VolumeSnapshotEntry> volumes = archive.content().volumes();
        assertEquals(List.of("data", "logs"), volumes.stream().map(VolumeSnapshotEntry::pvcName).toList());
        for (VolumeSnapshotEntry e : volumes) {
            assertEquals(NS, e.namespace());
            assertEquals("sc-east", e.storageClass());
            assertEquals(pv(w, e.pvcName()), e.pvName());
            assertEquals("nas-east", e.backend());
            assertEquals(SourceWorld.SVM, e.svm());
            assertEquals(SourceWorld.ONTAP, e.managementLif());
            assertEquals("trident_pvc_" + claimUid(w, e.pvcName()).replace('-', '_'), e.internalVolumeName());
            assertEquals(List.of(e.snapshotName()), w.ontapSnapshots(e.pvcName()), "one ONTAP snapshot per claim");
        }
        assertEquals(List.of("2Gi", "1Gi"), volumes.stream().map(VolumeSnapshotEntry::size).toList());
        assertEquals(SourceWorld.records("record", 5), w.snapshotFile(volumes.get(0), "records"));
        assertEquals(SourceWorld.records("log", 5), w.snapshotFile(volumes.get(1), "log"));
        assertEquals(SourceWorld.records("record", 8), new String(w.io().read(NS, w.pod(), "/data", "records"),
                StandardCharsets.UTF_8));

        List<JsonNode> vss = volumeSnapshots(w);
        assertEquals(2, vss.size());
        vss.forEach(vs -> assertTrue(vs.path("status").path("readyToUse").asBoolean(), vs.toString()));
        assertFalse(w.get("Snapshot", "snap-1").orElseThrow().path("metadata").has("finalizers"),
                "a Retain snapshot keeps no finalizer once Completed");
    }

    private static String pv(SourceWorld w, String claim) {
        return "pvc-" + claimUid(w, claim);
    }

    private static String claimUid(SourceWorld w, String claim) {
        return w.cluster.get("v1", "PersistentVolumeClaim", NS, claim).orElseThrow().path("metadata").path("uid")
                .asText();
    }

    @Test
    void deletingASnapshotWithReclaimPolicyDeleteRemovesItsArchiveVolumeSnapshotsAndOntapSnapshots() {
        SourceWorld w = new SourceWorld(2);
        w.write(2);
        w.snapshot("snap-del", "Delete");
        w.await("Snapshot", "snap-del", "Completed", LIMIT);
        assertEquals(List.of(FINALIZER), finalizers(w, "snap-del"));
        String path = w.status("Snapshot", "snap-del").appArchivePath();
        assertEquals(5, bucketKeys(w).size());
        assertEquals(2, volumeSnapshots(w).size());

        w.cluster.api().delete("protect.trident.netapp.io/v1", "Snapshot", NS, "snap-del");
        w.awaitGone("Snapshot", "snap-del", LIMIT);

        assertEquals(List.of(), bucketKeys(w), "the archive " + path + " is deleted");
        assertEquals(List.of(), volumeSnapshots(w));
        assertEquals(List.of(), w.ontapSnapshots("data"));
        assertEquals(List.of(), w.ontapSnapshots("logs"));
        assertEquals(List.of(), w.cluster.api().list("snapshot.storage.k8s.io/v1", "VolumeSnapshotContent", null,
                LabelSelector.everything()));
    }

    @Test
    void deletingASnapshotWithReclaimPolicyRetainKeepsItsArchiveAndVolumeSnapshots() {
        SourceWorld w = new SourceWorld(3);
        w.write(2);
        w.snapshot("snap-keep", "Retain");
        w.await("Snapshot", "snap-keep", "Completed", LIMIT);
        ArchivePath path = ArchivePath.parse(w.status("Snapshot", "snap-keep").appArchivePath(), "test");

        w.cluster.api().delete("protect.trident.netapp.io/v1", "Snapshot", NS, "snap-keep");
        w.awaitGone("Snapshot", "snap-keep", LIMIT);
        w.world.advance(Duration.ofMinutes(1));

        assertEquals(List.of(path), w.reader().list(APP, w.appUid()));
        assertEquals(2, volumeSnapshots(w).size());
        assertEquals(1, w.ontapSnapshots("data").size());
    }

    @Test
    void aBucketOutageKeepsTheSnapshotRunningWithTheReasonInItsStatusAndItCompletesOnceTheBucketIsBack() {
        SourceWorld w = new SourceWorld(6);
        w.write(2);
        S3Store store = w.world.store(SourceWorld.ENDPOINT);
        w.world.world().inject(Duration.ZERO, new S3Faults.BucketOutage(store, SourceWorld.BUCKET));
        w.world.world().inject(Duration.ofMinutes(3), new S3Faults.BucketRestored(store, SourceWorld.BUCKET));
        w.snapshot("patient", "Retain");
        w.world.advance(Duration.ofMinutes(2));

        JsonNode status = w.get("Snapshot", "patient").orElseThrow().path("status");
        assertEquals("Running", status.path("state").asText());
        assertEquals("CaptureResources", status.path("step").asText());
        assertEquals("retrying: bucket src-bucket of AppVault src-vault answered 503 ServiceUnavailable: Service is"
                + " unable to handle request.", status.path("message").asText());

        w.await("Snapshot", "patient", "Completed", LIMIT);
        assertEquals(SourceWorld.records("record", 2),
                w.snapshotFile(w.archive("Snapshot", "patient").content().volumes().get(0), "records"));
    }

    @Test
    void aSnapshotOfAMissingApplicationFailsNamingItAndTheFix() {
        SourceWorld w = new SourceWorld(4);
        w.cluster.apply("snapshot.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: Snapshot
                metadata: {name: orphan, namespace: my-app-namespace}
                spec: {applicationRef: no-such-app, appVaultRef: src-vault}
                """, null);
        w.await("Snapshot", "orphan", "Failed", LIMIT);
        String error = w.status("Snapshot", "orphan").error();
        assertEquals("Application no-such-app not found in namespace my-app-namespace. Fix: create it, or set"
                + " spec.applicationRef to an Application of namespace my-app-namespace", error);
        assertEquals(List.of(), finalizers(w, "orphan"));
        assertEquals(List.of(), bucketKeys(w));
    }

    @Test
    void aSnapshotIntoAMissingAppVaultFailsNamingWhereItLooked() {
        SourceWorld w = new SourceWorld(5);
        w.cluster.apply("snapshot.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: Snapshot
                metadata: {name: novault, namespace: my-app-namespace}
                spec: {applicationRef: my-app-name, appVaultRef: elsewhere}
                """, null);
        w.await("Snapshot", "novault", "Failed", LIMIT);
        assertEquals("AppVault elsewhere not found in namespace my-app-namespace or trident-protect. Fix: create it,"
                + " or set spec.appVaultRef to an existing AppVault", w.status("Snapshot", "novault").error());
    }

    private static final String FINALIZER = "protect.trident.netapp.io/snapshot-cleanup";

    private static List<String> finalizers(SourceWorld w, String name) {
        List<String> out = new ArrayList<>();
        w.get("Snapshot", name).orElseThrow().path("metadata").path("finalizers").forEach(f -> out.add(f.asText()));
        return out;
    }
}
