package io.mirrordrill.port.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The kinds a cluster serves, keyed by apiVersion and kind: the built-in kinds the engine uses plus those learnt from
 * CustomResourceDefinitions. Resolving the plural here (not by API discovery) keeps the emulator and the adapter on
 * the same table. Thread-safe, because the production adapter is called from several threads.
 */
public final class KindRegistry {
    private final Map<String, ResourceKind> kinds = new TreeMap<>();

    /** A registry holding the built-in kinds. */
    public static KindRegistry withBuiltins() {
        KindRegistry registry = new KindRegistry();
        // group, version, kind, plural, namespaced, status subresource
        registry.add("", "v1", "Namespace", "namespaces", false, true);
        registry.add("", "v1", "ConfigMap", "configmaps", true, false);
        registry.add("", "v1", "Secret", "secrets", true, false);
        registry.add("", "v1", "ServiceAccount", "serviceaccounts", true, false);
        registry.add("", "v1", "Service", "services", true, true);
        registry.add("", "v1", "Endpoints", "endpoints", true, false);
        registry.add("", "v1", "Event", "events", true, false);
        registry.add("", "v1", "Pod", "pods", true, true);
        registry.add("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, true);
        registry.add("", "v1", "PersistentVolume", "persistentvolumes", false, true);
        registry.add("", "v1", "Node", "nodes", false, true);
        registry.add("", "v1", "ResourceQuota", "resourcequotas", true, true);
        registry.add("", "v1", "LimitRange", "limitranges", true, false);
        registry.add("apps", "v1", "Deployment", "deployments", true, true);
        registry.add("apps", "v1", "StatefulSet", "statefulsets", true, true);
        registry.add("apps", "v1", "ReplicaSet", "replicasets", true, true);
        registry.add("apps", "v1", "DaemonSet", "daemonsets", true, true);
        registry.add("batch", "v1", "Job", "jobs", true, true);
        registry.add("batch", "v1", "CronJob", "cronjobs", true, true);
        registry.add("networking.k8s.io", "v1", "Ingress", "ingresses", true, true);
        registry.add("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, false);
        registry.add("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, true);
        registry.add("rbac.authorization.k8s.io", "v1", "Role", "roles", true, false);
        registry.add("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, false);
        registry.add("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, false);
        registry.add("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false, false);
        registry.add("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, false);
        // leader election's lock (client-go's and fabric8's LeaseLock)
        registry.add("coordination.k8s.io", "v1", "Lease", "leases", true, false);
        registry.add("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false,
                true);
        // The CSI snapshot CRDs are present on every cluster Trident protect supports.
        registry.add("snapshot.storage.k8s.io", "v1", "VolumeSnapshot", "volumesnapshots", true, true);
        registry.add("snapshot.storage.k8s.io", "v1", "VolumeSnapshotContent", "volumesnapshotcontents", false, true);
        registry.add("snapshot.storage.k8s.io", "v1", "VolumeSnapshotClass", "volumesnapshotclasses", false, false);
        return registry;
    }

    private void add(String group, String version, String kind, String plural, boolean namespaced, boolean status) {
        register(new ResourceKind(group, version, kind, plural, namespaced, status));
    }

    public synchronized void register(ResourceKind kind) {
        kinds.put(key(kind.apiVersion(), kind.kind()), kind);
    }

    public synchronized void unregister(ResourceKind kind) {
        kinds.remove(key(kind.apiVersion(), kind.kind()));
    }

    public synchronized Optional<ResourceKind> find(String apiVersion, String kind) {
        return Optional.ofNullable(kinds.get(key(apiVersion, kind)));
    }

    /** The kind, or {@link UnknownKindException}. */
    public ResourceKind require(String apiVersion, String kind) {
        return find(apiVersion, kind).orElseThrow(() -> new UnknownKindException(apiVersion, kind));
    }

    public synchronized List<ResourceKind> all() {
        return List.copyOf(kinds.values());
    }

    /** True for {@code apiextensions.k8s.io/v1 CustomResourceDefinition}. */
    public static boolean isCrd(String apiVersion, String kind) {
        return "apiextensions.k8s.io/v1".equals(apiVersion) && "CustomResourceDefinition".equals(kind);
    }

    /** The kinds a CustomResourceDefinition serves: one per served version. */
    public static List<ResourceKind> kindsOf(GenericKubernetesResource crd) {
        Map<String, Object> spec = crd.get("spec");
        if (spec == null) {
            return List.of();
        }
        String group = (String) spec.get("group");
        String kind = GenericKubernetesResource.get(spec, "names", "kind");
        String plural = GenericKubernetesResource.get(spec, "names", "plural");
        boolean namespaced = "Namespaced".equals(spec.get("scope"));
        List<ResourceKind> out = new ArrayList<>();
        List<Map<String, Object>> versions = GenericKubernetesResource.get(spec, "versions");
        for (Map<String, Object> version : versions == null ? List.<Map<String, Object>>of() : versions) {
            if (Boolean.FALSE.equals(version.get("served"))) {
                continue;
            }
            boolean status = GenericKubernetesResource.get(version, "subresources", "status") != null;
            out.add(new ResourceKind(group, (String) version.get("name"), kind, plural, namespaced, status));
        }
        return out;
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }
}
