package io.mirrordrill.engine.archive;

/**
 * A committed archive whose content does not match its manifest: an object is missing, has another checksum or
 * size, or cannot be read. It is reported, never returned or restored.
 *
 * @see #actualSha256() null when the object is missing
 */
public class CorruptArchiveException extends ArchiveException {
    private final String key;
    private final String expectedSha256;
    private final String actualSha256;

    public CorruptArchiveException(String archivePath, String key, String expectedSha256, String actualSha256,
                                   String problem) {
        super(archivePath, "archive " + archivePath + " is corrupt: object " + key + " " + problem
                + (expectedSha256 == null ? "" : " (expected sha256 " + expectedSha256 + ", found "
                        + (actualSha256 == null ? "no object" : actualSha256) + ")"));
        this.key = key;
        this.expectedSha256 = expectedSha256;
        this.actualSha256 = actualSha256;
    }

    public String key() {
        return key;
    }

    public String expectedSha256() {
        return expectedSha256;
    }

    public String actualSha256() {
        return actualSha256;
    }
}
