package io.mirrordrill.engine.archive;

import io.mirrordrill.port.MirrordrillException;

/** A problem with one archive in a vault; {@link #archivePath()} names it. */
public class ArchiveException extends MirrordrillException {
    private final String archivePath;

    public ArchiveException(String archivePath, String message) {
        super(message);
        this.archivePath = archivePath;
    }

    public String archivePath() {
        return archivePath;
    }
}
