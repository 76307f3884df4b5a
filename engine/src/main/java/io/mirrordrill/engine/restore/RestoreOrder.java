package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Velero's restore order: what others depend on first (definitions, namespaces, storage, volumes, claims, config,
 * identities), then the rest. Within a rank and for everything else: group, kind, namespace, name, apiVersion, so the
 * order is total and independent of the archive's order.
 */
public final class RestoreOrder {
    /** {group, kind} in Velero's priority order. */
    private static final List<String[]> PRIORITY = List.of(
            new String[] {"apiextensions.k8s.io", "CustomResourceDefinition"},
            new String[] {"", "Namespace"},
            new String[] {"storage.k8s.io", "StorageClass"},
            new String[] {"snapshot.storage.k8s.io", "VolumeSnapshotClass"},
            new String[] {"snapshot.storage.k8s.io", "VolumeSnapshotContent"},
            new String[] {"snapshot.storage.k8s.io", "VolumeSnapshot"},
            new String[] {"", "PersistentVolume"},
            new String[] {"", "PersistentVolumeClaim"},
            new String[] {"", "Secret"},
            new String[] {"", "ConfigMap"},
            new String[] {"", "ServiceAccount"},
            new String[] {"", "LimitRange"},
            new String[] {"", "Pod"},
            new String[] {"apps", "ReplicaSet"});

    public static final Comparator<JsonNode> COMPARATOR = Comparator.comparingInt(RestoreOrder::rank)
            .thenComparing(Trees::group)
            .thenComparing(Trees::kind)
            .thenComparing(Trees::namespace)
            .thenComparing(Trees::name)
            .thenComparing(Trees::apiVersion);

    private RestoreOrder() {
    }

    /** Position in {@link #PRIORITY}; everything else comes after. */
    static int rank(JsonNode resource) {
        for (int i = 0; i < PRIORITY.size(); i++) {
            if (Trees.is(resource, PRIORITY.get(i)[0], PRIORITY.get(i)[1])) {
                return i;
            }
        }
        return PRIORITY.size();
    }

    public static List<ObjectNode> sort(Collection<ObjectNode> resources) {
        List<ObjectNode> sorted = new ArrayList<>(resources);
        sorted.sort(COMPARATOR);
        return sorted;
    }
}
