package io.mirrordrill.engine.archive;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.restore.NamespaceMetadata;

import java.util.List;

/**
 * What a snapshot captured of its application before snapshotting the volumes: the resources and the namespaces'
 * metadata, stored in the archive's folder ahead of the rest ({@link ArchiveWriter#stageCapture}).
 */
public record StagedCapture(List<GenericKubernetesResource> resources, List<NamespaceMetadata> namespaces) {
    public StagedCapture {
        ArchiveContent sorted = new ArchiveContent(resources, namespaces, List.of(), List.of());
        resources = sorted.resources();
        namespaces = sorted.namespaces();
    }
}
