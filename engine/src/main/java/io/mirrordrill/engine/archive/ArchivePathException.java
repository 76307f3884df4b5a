package io.mirrordrill.engine.archive;

import io.mirrordrill.engine.InputException;

/**
 * An archive path, or a name or UID that would become part of one, that could escape its prefix or is not of the
 * archive layout. {@link #source()} names where the value came from, e.g. {@code status.appArchivePath}.
 */
public class ArchivePathException extends InputException {
    public ArchivePathException(String source, String reason, String fix) {
        super(source, 0, reason, fix);
    }
}
