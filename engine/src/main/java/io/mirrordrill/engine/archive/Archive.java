package io.mirrordrill.engine.archive;

/** A committed, verified archive: its manifest and its content. */
public record Archive(Manifest manifest, ArchiveContent content) {
    public ArchivePath path() {
        return manifest.archive();
    }
}
