package io.mirrordrill.engine.snapshot;

import io.mirrordrill.engine.archive.ArchiveConflictException;
import io.mirrordrill.engine.archive.ArchiveContent;
import io.mirrordrill.engine.archive.StagedCapture;

/**
 * Writes the archive: the staged capture, the volume map and the hook results, manifest last. Writing is idempotent,
 * so a restarted engine finishes an archive it had begun.
 */
final class ArchiveStep implements SnapshotStep {
    @Override
    public Step step() {
        return Step.ARCHIVE;
    }

    @Override
    public StepResult run(SnapshotContext context) {
        StagedCapture capture = context.capture();
        ArchiveContent content = new ArchiveContent(capture.resources(), capture.namespaces(),
                new VolumeEntries(context.kube()).of(capture, context.cr().uid()), context.progress().hooks());
        try {
            context.requireBucket().writer().write(context.requirePath(), content);
        } catch (ArchiveConflictException e) {
            throw new SnapshotException(SnapshotException.ARCHIVE_FAILED, e.getMessage() + ". Fix: remove what"
                    + " occupies " + context.requirePath() + " in the bucket, then take a new snapshot");
        }
        return StepResult.FINISHED;
    }
}
