package io.mirrordrill.engine.amr;

/** What moves an AppMirrorRelationship from one state to the next. */
public enum AmrEvent {
    /** The relationship was created (or its failure cleared) with desiredState Established. */
    ESTABLISH,
    /** Every volume mirrors and a complete snapshot has arrived. */
    ESTABLISHED,
    /** desiredState is Promoted. */
    PROMOTE,
    /** Volumes are writable and the application is restored on the destination. */
    PROMOTED,
    /** desiredState is Established again after a promotion: resync. */
    RESYNC,
    /** The spec can never reach its desired state as written (a missing AppVault, an unpeered SVM, ...). */
    FAIL
}
