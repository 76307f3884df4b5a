package io.mirrordrill.port.ontap;

/**
 * Body of {@code POST /api/snapmirror/relationships}, sent to the destination cluster. Null policy means
 * {@code Asynchronous}; null schedule means no automatic transfers; identity preservation applies to SVM-DR only.
 */
public record RelationshipCreate(String sourcePath, String destinationPath, String policy, String transferSchedule,
                                 String identityPreservation) {
    public RelationshipCreate(String sourcePath, String destinationPath, String policy, String transferSchedule) {
        this(sourcePath, destinationPath, policy, transferSchedule, null);
    }
}
