package io.mirrordrill.engine.archive;

/** No committed archive under the path: nothing there, or a write that never reached its manifest. */
public class ArchiveNotFoundException extends ArchiveException {
    public ArchiveNotFoundException(String archivePath, String bucket) {
        super(archivePath, "no committed archive " + archivePath + " in bucket " + bucket
                + " (no manifest: never written, unfinished or deleted)");
    }
}
