package io.mirrordrill.engine.archive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.engine.restore.NamespaceMetadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a snapshot archive holds besides its manifest: the application's Kubernetes resources, the metadata of its
 * namespaces, the PVC-to-ONTAP-snapshot map and the hook results. Resources, namespaces and volumes are kept sorted,
 * so the same capture always serialises to the same bytes; hooks keep the order they ran in.
 */
public record ArchiveContent(List<GenericKubernetesResource> resources, List<NamespaceMetadata> namespaces,
                             List<VolumeSnapshotEntry> volumes, List<HookResult> hooks) {
    private static final Comparator<GenericKubernetesResource> BY_IDENTITY = Comparator
            .comparing((GenericKubernetesResource r) -> nonNull(r.getApiVersion()))
            .thenComparing(r -> nonNull(r.getKind()))
            .thenComparing(r -> nonNull(r.getMetadata() == null ? null : r.getMetadata().getNamespace()))
            .thenComparing(r -> nonNull(r.getMetadata() == null ? null : r.getMetadata().getName()));

    public ArchiveContent {
        resources = sorted(resources, BY_IDENTITY);
        namespaces = sorted(namespaces, Comparator.comparing(NamespaceMetadata::name));
        volumes = sorted(volumes, Comparator.comparing(VolumeSnapshotEntry::namespace)
                .thenComparing(VolumeSnapshotEntry::pvcName));
        hooks = List.copyOf(hooks == null ? List.of() : hooks);
    }

    /** The resources as JSON trees, the form a restore plan ({@code RestoreInput}) takes them in. */
    public List<ObjectNode> resourceTrees() {
        return resources.stream().map(Resources::toTree).toList();
    }

    /** {@code Kind namespace/name} of every resource, for messages and tests. */
    public List<String> describeResources() {
        return resources.stream().map(r -> r.getKind() + " " + describe(r)).toList();
    }

    private static String describe(HasMetadata r) {
        return r.getMetadata() == null ? "?" : (r.getMetadata().getNamespace() == null ? ""
                : r.getMetadata().getNamespace() + "/") + r.getMetadata().getName();
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        List<T> copy = new ArrayList<>(items == null ? List.of() : items);
        copy.sort(order);
        return List.copyOf(copy);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
