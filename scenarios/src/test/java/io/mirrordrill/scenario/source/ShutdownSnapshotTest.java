package io.mirrordrill.scenario.source;

import static io.mirrordrill.scenario.source.SourceWorld.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.archive.VolumeSnapshotEntry;
import io.mirrordrill.engine.model.SnapshotRestore;
import io.mirrordrill.engine.model.SnapshotRestoreSpec;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.engine.restore.NamespaceMetadata;
import io.mirrordrill.engine.restore.NamespaceMetadataMerge;
import io.mirrordrill.engine.restore.RestoreInput;
import io.mirrordrill.engine.restore.RestorePlan;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ShutdownSnapshot of the seed's "reverse replication direction": stop the app, snapshot it whole. */
class ShutdownSnapshotTest {
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private static List<String> names(SourceWorld w, String apiVersion, String kind) {
        return w.cluster.api().list(apiVersion, kind, NS, LabelSelector.everything()).stream()
                .map(r -> r.getMetadata().getName()).toList();
    }

    @Test
    void aShutdownSnapshotStopsTheAppsPodsKeepsItsClaimsAndDataAndItsArchiveRestoresTheApp() {
        SourceWorld w = new SourceWorld(31);
        w.freezeHooks(); // a ShutdownSnapshot runs no hooks: the application is stopped, nothing is left to freeze
        w.write(4);
        String pvData = w.cluster.get("v1", "PersistentVolumeClaim", NS, "data").orElseThrow().path("spec")
                .path("volumeName").asText();
        w.cluster.apply("shutdown.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: ShutdownSnapshot
                metadata: {name: replication-shutdown-snapshot-afc4c564-e700-4b72-86c3-c08a5dbe844e, namespace: %s}
                spec: {appVaultRef: src-vault, applicationRef: my-app-name}
                """.formatted(NS), null);
        String name = "replication-shutdown-snapshot-afc4c564-e700-4b72-86c3-c08a5dbe844e";
        w.await("ShutdownSnapshot", name, "Completed", LIMIT);

        assertEquals(List.of(), w.pods(), "the app's pods are gone");
        assertEquals(List.of(), names(w, "apps/v1", "Deployment"));
        assertEquals(List.of(), names(w, "v1", "ConfigMap"));
        assertEquals(List.of(), names(w, "v1", "Service"));
        assertEquals(List.of("data", "logs"), names(w, "v1", "PersistentVolumeClaim"), "claims stay");
        assertTrue(w.cluster.get("v1", "PersistentVolume", null, pvData).isPresent(), "volumes stay");
        assertEquals(List.of("freeze", "unfreeze"), names(w, "protect.trident.netapp.io/v1", "ExecHook"));
        assertTrue(w.get("Application", SourceWorld.APP).isPresent());

        Archive archive = w.archive("ShutdownSnapshot", name);
        assertTrue(archive.content().describeResources().contains("Deployment my-app-namespace/web"));
        assertEquals(List.of(), archive.content().hooks());
        List<VolumeSnapshotEntry> volumes = archive.content().volumes();
        assertEquals(SourceWorld.records("record", 4), w.snapshotFile(volumes.get(0), "records"), "nothing lost");
        assertEquals(SourceWorld.records("log", 4), w.snapshotFile(volumes.get(1), "log"));
        assertTrue(w.status("ShutdownSnapshot", name).appArchivePath().endsWith("_" + name + "_"
                + w.get("ShutdownSnapshot", name).orElseThrow().path("metadata").path("uid").asText()));

        restoreInPlace(w, archive);
        w.world.advance(Duration.ofMinutes(1));
        assertEquals(1, w.pods().size(), "the restored Deployment runs its pod again");
        assertEquals(SourceWorld.records("record", 4), new String(w.io().read(NS, w.pod(), "/data", "records"),
                StandardCharsets.UTF_8), "on the kept claims, with their data");
        w.write(); // and writes
    }

    /** What a planned failover does with the archive, here in place: plan the restore, create what is missing. */
    private static void restoreInPlace(SourceWorld w, Archive archive) {
        ObjectMeta meta = new ObjectMeta();
        meta.setName("back");
        meta.setNamespace(NS);
        SnapshotRestore restore = new SnapshotRestore(meta, new SnapshotRestoreSpec(archive.path().path(),
                SourceWorld.VAULT, null, null, null, null, null));
        RestorePlan plan = RestorePlan.of(RestoreInput.snapshotRestore(restore, archive.content().resourceTrees(),
                archive.content().namespaces(), List.of(NamespaceMetadata.of(NS, Map.of(), Map.of())), "sc-east",
                NamespaceMetadataMerge.fromEnvironment(Map.of())));
        for (ObjectNode resource : plan.resources()) {
            String ns = resource.path("metadata").path("namespace").asText(null);
            if (w.cluster.api().get(resource.path("apiVersion").asText(), resource.path("kind").asText(), ns,
                    resource.path("metadata").path("name").asText()).isEmpty()) {
                w.cluster.api().create(Resources.fromTree(resource));
            }
        }
    }
}
