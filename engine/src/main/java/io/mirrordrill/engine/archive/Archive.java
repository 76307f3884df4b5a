package io.mirrordrill.engine.archive;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** A committed, verified archive: its manifest and its content, and the bytes of its parts as they were read. */
public final class Archive {
    private final Manifest manifest;
    private final ArchiveContent content;
    private final SortedMap<String, byte[]> parts;

    Archive(Manifest manifest, ArchiveContent content, SortedMap<String, byte[]> parts) {
        this.manifest = manifest;
        this.content = content;
        this.parts = Collections.unmodifiableSortedMap(new TreeMap<>(parts));
    }

    public Manifest manifest() {
        return manifest;
    }

    public ArchiveContent content() {
        return content;
    }

    public ArchivePath path() {
        return manifest.archive();
    }

    /**
     * Every part by object name, each verified against the manifest: what a copy writes, so a copy is the source's
     * bytes and is neither serialised nor hashed again. Not to be changed (the arrays are not copied).
     */
    SortedMap<String, byte[]> parts() {
        return parts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Archive a && a.manifest.equals(manifest) && a.content.equals(content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(manifest, content);
    }

    @Override
    public String toString() {
        return "Archive[manifest=" + manifest + ", content=" + content + "]";
    }
}
