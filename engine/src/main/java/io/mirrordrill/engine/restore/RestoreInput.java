package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.AppMirrorRelationshipSpec;
import io.mirrordrill.engine.model.SnapshotRestore;
import io.mirrordrill.engine.model.SnapshotRestoreSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything a restore plan is computed from; no I/O behind any of it.
 *
 * @param owner the custom resource driving the restore, for messages: {@code AppMirrorRelationship ns-2/amr}
 * @param restoreName its name, recorded in {@link RestoreLabels#RESTORE_NAME}; null for no label
 * @param archive basename of the snapshot archive, recorded in {@link RestoreLabels#RESTORE_ARCHIVE}; null for none
 * @param resources the archive's captured resources, Namespaces included
 * @param sourceNamespaces labels and annotations of the source namespaces; a captured Namespace stands in for one
 *     not listed here
 * @param destinationNamespaces the destination's namespaces as they are now; one not listed does not exist yet
 */
public record RestoreInput(String owner, String restoreName, String archive, List<ObjectNode> resources,
        List<NamespaceMetadata> sourceNamespaces, List<NamespaceMetadata> destinationNamespaces,
        NamespaceMap namespaceMapping, StorageClassMapping storageClasses, Transformations transformations,
        NamespaceMetadataMerge namespaceMerge, PersistentVolumes volumes) {
    public RestoreInput {
        resources = List.copyOf(resources);
        sourceNamespaces = List.copyOf(sourceNamespaces);
        destinationNamespaces = List.copyOf(destinationNamespaces);
    }

    /**
     * A failover of {@code amr} to {@code archive}: its mapping, storage classes (then {@code clusterDefault}) and
     * transformations; the destination binds claims to its replicated volumes. Throws with every problem of the spec.
     */
    public static RestoreInput failover(AppMirrorRelationship amr, String archive, List<ObjectNode> resources,
            List<NamespaceMetadata> sourceNamespaces, List<NamespaceMetadata> destinationNamespaces,
            String clusterDefault, NamespaceMetadataMerge merge) {
        String owner = AppMirrorRelationship.KIND + " " + amr.namespace() + "/" + amr.name();
        AppMirrorRelationshipSpec spec = amr.spec();
        requireSpec(owner, spec);
        return of(owner, amr.name(), archive, resources, sourceNamespaces, destinationNamespaces,
                () -> NamespaceMap.of(owner, spec.namespaceMapping()),
                () -> StorageClassMapping.of(owner, spec.storageClassMapping(), spec.storageClassName(),
                        clusterDefault),
                () -> Transformations.of(owner, spec.transformations()), merge);
    }

    /** A SnapshotRestore: new volumes from the snapshot, so claims bind to volumes of the destination. */
    public static RestoreInput snapshotRestore(SnapshotRestore restore, List<ObjectNode> resources,
            List<NamespaceMetadata> sourceNamespaces, List<NamespaceMetadata> destinationNamespaces,
            String clusterDefault, NamespaceMetadataMerge merge) {
        String owner = SnapshotRestore.KIND + " " + restore.namespace() + "/" + restore.name();
        SnapshotRestoreSpec spec = restore.spec();
        requireSpec(owner, spec);
        String path = spec.appArchivePath();
        return of(owner, restore.name(), path == null ? null : path.substring(path.lastIndexOf('/') + 1), resources,
                sourceNamespaces, destinationNamespaces, () -> NamespaceMap.of(owner, spec.namespaceMapping()),
                () -> StorageClassMapping.of(owner, spec.storageClassMapping(), null, clusterDefault),
                () -> Transformations.of(owner, spec.transformations()), merge);
    }

    /** Builds the three parts of the spec, reporting the problems of all of them together. */
    private static RestoreInput of(String owner, String name, String archive, List<ObjectNode> resources,
            List<NamespaceMetadata> sourceNamespaces, List<NamespaceMetadata> destinationNamespaces,
            Supplier<NamespaceMap> mapping,
            Supplier<StorageClassMapping> classes,
            Supplier<Transformations> transformations, NamespaceMetadataMerge merge) {
        List<RestoreProblem> problems = new ArrayList<>();
        NamespaceMap namespaces = collect(mapping, problems);
        StorageClassMapping storage = collect(classes, problems);
        Transformations patches = collect(transformations, problems);
        RestoreException.throwIfAny(problems);
        return new RestoreInput(owner, name, archive, resources, sourceNamespaces, destinationNamespaces, namespaces,
                storage, patches, merge, PersistentVolumes.PROVISION);
    }

    private static void requireSpec(String owner, Object spec) {
        if (spec == null) {
            throw new RestoreException(new RestoreProblem(owner, "spec", "is missing", "validate the resource before"
                    + " restoring: it needs a spec"));
        }
    }

    private static <T> T collect(Supplier<T> part, List<RestoreProblem> problems) {
        try {
            return part.get();
        } catch (RestoreException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
