package io.mirrordrill.port.ontap;

/**
 * Body of {@code PATCH /api/snapmirror/relationships/{uuid}}: a target state, and swapped paths for a reverse resync.
 */
public record RelationshipPatch(RelationshipState state, String sourcePath, String destinationPath) {
    public static RelationshipPatch state(RelationshipState state) {
        return new RelationshipPatch(state, null, null);
    }

    /** Reverse resync: the relationship's destination becomes its source and vice versa. */
    public static RelationshipPatch reverse(String newSourcePath, String newDestinationPath) {
        return new RelationshipPatch(RelationshipState.SNAPMIRRORED, newSourcePath, newDestinationPath);
    }
}
