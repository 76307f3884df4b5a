package io.mirrordrill.engine.application;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.archive.ArchiveContent;
import io.mirrordrill.engine.restore.NamespaceMetadata;

import java.util.List;

/**
 * An application resolved into what a snapshot captures: its resources, sorted by apiVersion, kind, namespace and
 * name, and the metadata of its namespaces, sorted by name.
 */
public record ApplicationResources(List<GenericKubernetesResource> resources, List<NamespaceMetadata> namespaces) {
    public ApplicationResources {
        ArchiveContent sorted = new ArchiveContent(resources, namespaces, List.of(), List.of()); // the archive's order
        resources = sorted.resources();
        namespaces = sorted.namespaces();
    }

    /** {@code Kind namespace/name} of each resource, for messages and tests. */
    public List<String> describe() {
        return resources.stream().map(r -> r.getKind() + " " + (r.getMetadata().getNamespace() == null ? ""
                : r.getMetadata().getNamespace() + "/") + r.getMetadata().getName()).toList();
    }
}
