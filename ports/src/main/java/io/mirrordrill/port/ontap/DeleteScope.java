package io.mirrordrill.port.ontap;

/** {@code DELETE /api/snapmirror/relationships/{uuid}} flags. */
public enum DeleteScope {
    /** No flag: both sides; the common SnapMirror snapshots go too. */
    BOTH,
    /** {@code source_only=true}: release, run on the source cluster. */
    SOURCE_ONLY,
    /** {@code destination_only=true}: remove the destination side only. */
    DESTINATION_ONLY
}
