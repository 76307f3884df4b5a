package io.mirrordrill.engine.snapshot;

/**
 * One step of a snapshot. Running it again after a crash at any point ends where one uninterrupted run would: every
 * action is decided from what the cluster and the bucket show now (hooks are the exception: a hook cut off by a crash
 * runs again, so hook scripts must tolerate a repeat, as {@code fsfreeze} does).
 */
interface SnapshotStep {
    Step step();

    StepResult run(SnapshotContext context);
}
