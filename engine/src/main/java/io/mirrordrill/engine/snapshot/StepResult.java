package io.mirrordrill.engine.snapshot;

import java.time.Duration;

/** What one reconcile of a step came to; a step that cannot go on throws {@link SnapshotException} instead. */
sealed interface StepResult {
    /** The step is over: the next one starts. */
    record Finished() implements StepResult {}

    /** The step did one thing worth recording (a hook ran): write it, then look again at once. */
    record Recorded(SnapshotProgress progress) implements StepResult {}

    /** The step waits for the cluster (snapshots becoming ready, pods stopping): look again after the delay. */
    record Waiting(Duration delay, String message) implements StepResult {}

    StepResult FINISHED = new Finished();

    static StepResult waiting(Duration delay, String message) {
        return new Waiting(delay, message);
    }
}
