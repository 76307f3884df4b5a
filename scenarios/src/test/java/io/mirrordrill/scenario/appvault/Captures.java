package io.mirrordrill.scenario.appvault;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.archive.ArchiveContent;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.HookResult;
import io.mirrordrill.engine.archive.VolumeSnapshotEntry;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.engine.restore.NamespaceMetadata;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Snapshot captures of the seed's application {@code my-app-name} in {@code my-app-namespace}, one per minute. */
final class Captures {
    static final String APP = "my-app-name";
    static final String APP_UID = "7498d32c-328e-4ddd-9029-122540866aeb";
    static final String NS = "my-app-namespace";

    private Captures() {}

    /** The path of snapshot {@code i}: taken {@code i} minutes after the world's start. */
    static ArchivePath path(int i) {
        return new ArchivePath(APP, APP_UID, World.DEFAULT_START.plus(Duration.ofMinutes(i)), "snap-" + i,
                String.format("00000000-0000-4000-8000-%012d", i));
    }

    /** What snapshot {@code i} captured: a Deployment, a ConfigMap holding {@code i}, a PVC, hooks. */
    static ArchiveContent content(int i) {
        GenericKubernetesResource config = Resources.generic("v1", "ConfigMap", NS, "settings");
        config.getAdditionalProperties().put("data", Map.of("generation", String.valueOf(i)));
        GenericKubernetesResource pvc = Resources.generic("v1", "PersistentVolumeClaim", NS, "data");
        pvc.getAdditionalProperties().put("spec", Map.of("storageClassName", "sc-vsim",
                "resources", Map.of("requests", Map.of("storage", "1Gi"))));
        List<GenericKubernetesResource> resources = List.of(Resources.generic("apps/v1", "Deployment", NS, "web"),
                config, pvc);
        return new ArchiveContent(resources,
                List.of(NamespaceMetadata.of(NS, Map.of("name", NS, "environment", "production"),
                        Map.of("annotation.one/key", "updatedvalue"))),
                List.of(new VolumeSnapshotEntry(NS, "data", "sc-vsim", "1Gi", "pvc-1", "ontap-nas-src", "svm-src",
                        "trident_pvc_1", "snapshot-" + i, "ontap-src")),
                List.of(new HookResult("freeze", "Pre", "Snapshot", NS, "web-0", "app", "Succeeded", 0, "frozen"),
                        new HookResult("thaw", "Post", "Snapshot", NS, "web-0", "app", "Succeeded", 0, "thawed")));
    }
}
