package io.mirrordrill.engine.application;

import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.engine.restore.NamespaceMetadata;

import java.util.List;

/**
 * Where an Application's resources are, checked against the cluster: its namespaces (which exist) with their label
 * selectors, the cluster-scoped kinds it names (which the cluster serves), and its resource filter.
 */
public record ApplicationScope(List<Included> namespaces, List<ClusterScoped> clusterScoped,
                               ResourceFilterRule filter) {
    public ApplicationScope {
        namespaces = List.copyOf(namespaces);
        clusterScoped = List.copyOf(clusterScoped);
    }

    /** One included namespace: its metadata as it is now and the selector its resources must match. */
    public record Included(NamespaceMetadata metadata, LabelSelector selector) {
        public String name() {
            return metadata.name();
        }
    }

    /** One {@code includedClusterScopedResources} entry. */
    public record ClusterScoped(ResourceKind kind, LabelSelector selector) {}

    public List<String> namespaceNames() {
        return namespaces.stream().map(Included::name).toList();
    }
}
