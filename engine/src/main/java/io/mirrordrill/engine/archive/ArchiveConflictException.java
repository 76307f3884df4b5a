package io.mirrordrill.engine.archive;

/**
 * A write found an object of the archive already there with other content: the archive path was reused for a
 * different snapshot, or someone changed the bucket. Nothing is overwritten.
 */
public class ArchiveConflictException extends ArchiveException {
    private final String key;
    private final String existingSha256;
    private final String writtenSha256;

    public ArchiveConflictException(String archivePath, String key, String existingSha256, String writtenSha256) {
        super(archivePath, "object " + key + " already exists with other content (sha256 " + existingSha256
                + ", this write has " + writtenSha256 + "); an archive is never overwritten");
        this.key = key;
        this.existingSha256 = existingSha256;
        this.writtenSha256 = writtenSha256;
    }

    public String key() {
        return key;
    }

    public String existingSha256() {
        return existingSha256;
    }

    public String writtenSha256() {
        return writtenSha256;
    }
}
