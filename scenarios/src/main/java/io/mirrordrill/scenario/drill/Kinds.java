package io.mirrordrill.scenario.drill;

import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ResourceKind;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The apiVersion of a kind named without one in a drill (protect kinds and the usual Kubernetes ones). */
public final class Kinds {
    private static final Map<String, String> BUILT_IN = new TreeMap<>(Map.ofEntries(
            Map.entry("Namespace", "v1"), Map.entry("Pod", "v1"), Map.entry("PersistentVolumeClaim", "v1"),
            Map.entry("PersistentVolume", "v1"), Map.entry("ConfigMap", "v1"), Map.entry("Secret", "v1"),
            Map.entry("Service", "v1"), Map.entry("ServiceAccount", "v1"), Map.entry("Deployment", "apps/v1"),
            Map.entry("StatefulSet", "apps/v1"), Map.entry("StorageClass", "storage.k8s.io/v1"),
            Map.entry("VolumeSnapshot", "snapshot.storage.k8s.io/v1"),
            Map.entry("VolumeSnapshotContent", "snapshot.storage.k8s.io/v1"),
            Map.entry("CustomResourceDefinition", "apiextensions.k8s.io/v1"),
            Map.entry("TridentBackend", "trident.netapp.io/v1")));
    private static final java.util.Set<String> CLUSTER_SCOPED = java.util.Set.of("Namespace", "PersistentVolume",
            "StorageClass", "VolumeSnapshotContent", "CustomResourceDefinition");

    private Kinds() {
    }

    public static Optional<String> apiVersionOf(String kind) {
        if (ResourceKind.byKind(kind).isPresent()) {
            return Optional.of(ProtectApi.API_VERSION);
        }
        return Optional.ofNullable(BUILT_IN.get(kind));
    }

    public static boolean clusterScoped(String kind) {
        return CLUSTER_SCOPED.contains(kind);
    }

    public static String known() {
        return ResourceKind.names() + " and " + BUILT_IN.keySet();
    }
}
