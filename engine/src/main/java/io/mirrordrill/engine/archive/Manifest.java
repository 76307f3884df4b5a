package io.mirrordrill.engine.archive;

import java.util.List;

/**
 * An archive's table of contents and its commit point: written last, so an archive exists for readers exactly when
 * its manifest does. It names the archive (path, creation time, application and snapshot) and every other object
 * with its SHA-256 and size.
 */
public record Manifest(int formatVersion, ArchivePath archive, List<Entry> objects) {
    public static final int FORMAT_VERSION = 1;
    public static final String OBJECT_NAME = "manifest.json";

    /** One object of the archive, by its name inside the archive folder. */
    public record Entry(String name, String sha256, long size) {}

    public Manifest {
        objects = List.copyOf(objects);
    }

    /** The manifest's own key. */
    public String key() {
        return archive.key(OBJECT_NAME);
    }
}
