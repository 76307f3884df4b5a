package io.mirrordrill.engine.snapshot;

import io.mirrordrill.engine.application.ApplicationException;
import io.mirrordrill.engine.application.ApplicationResolver;
import io.mirrordrill.engine.application.ApplicationResources;
import io.mirrordrill.engine.archive.StagedCapture;

/**
 * Captures the application's resources and namespaces and stages them in the archive's folder. When a capture is
 * staged already (an earlier attempt got that far), it is the one archived: capturing again could see a later state.
 */
final class CaptureStep implements SnapshotStep {
    @Override
    public Step step() {
        return Step.CAPTURE;
    }

    @Override
    public StepResult run(SnapshotContext context) {
        VaultBucket bucket = context.requireBucket();
        if (bucket.reader().capture(context.requirePath()).isPresent()) {
            return StepResult.FINISHED;
        }
        ApplicationResources resources;
        try {
            resources = new ApplicationResolver(context.kube()).resolve(context.app().orElseThrow());
        } catch (ApplicationException e) {
            throw new SnapshotException(SnapshotException.APPLICATION_INVALID, "Application "
                    + context.cr().spec().applicationRef() + ": " + e.getMessage());
        }
        bucket.writer().stageCapture(context.requirePath(), new StagedCapture(resources.resources(),
                resources.namespaces()));
        return StepResult.FINISHED;
    }
}
