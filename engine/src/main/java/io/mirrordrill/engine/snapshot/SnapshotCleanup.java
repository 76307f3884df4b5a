package io.mirrordrill.engine.snapshot;

import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.engine.model.HookStage;
import io.mirrordrill.engine.model.SnapshotState;
import io.mirrordrill.port.objectstore.ObjectStoreException;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a snapshot leaves behind when it fails or is deleted. A failing snapshot first runs the Post hooks that are
 * due (its Pre hooks may have frozen the application), then deletes its VolumeSnapshots and whatever it put in the
 * bucket, then becomes Failed. A deleted one with policy Delete loses its archive and VolumeSnapshots (and with them
 * the ONTAP snapshots) before its finalizer goes.
 */
final class SnapshotCleanup {
    private final boolean hooks;

    /** @param hooks whether the kind runs hooks at all (a ShutdownSnapshot does not) */
    SnapshotCleanup(boolean hooks) {
        this.hooks = hooks;
    }

    /** One step of finishing a failing snapshot; returns true when it is Failed and settled. */
    boolean fail(SnapshotContext context) {
        SnapshotProgress progress = context.progress();
        if (hooks && postHooksDue(progress)) {
            Optional<StepResult> ran = postHook(context);
            if (ran.isPresent()) {
                context.write(((StepResult.Recorded) ran.get()).progress());
                return false;
            }
        }
        removeArtifacts(context, false);
        context.write(progress.finished(SnapshotState.FAILED, context.ports().clock().now()));
        context.finalizer(false);
        return true;
    }

    /**
     * One step of a deletion: a running snapshot fails first (Post hooks, clean-up); a Completed one with policy
     * Delete loses its archive and VolumeSnapshots, and keeps its finalizer until the snapshotter removed them.
     */
    Outcome deleted(SnapshotContext context) {
        SnapshotCr cr = context.cr();
        SnapshotProgress progress = cr.progress();
        if (!cr.hasFinalizer()) {
            return Outcome.done();
        }
        context.prepareLeniently();
        if (!progress.terminal()) {
            if (!progress.failing()) {
                context.write(progress.failingWith(cr.describe() + " was deleted while running"));
                return Outcome.requeueAfter(Duration.ZERO);
            }
            return fail(context) ? Outcome.done() : Outcome.requeueAfter(Duration.ZERO);
        }
        if (progress.completed() && cr.reclaimDelete() && removeArtifacts(context, true) > 0) {
            return Outcome.requeueAfter(VolumeSnapshotStep.POLL);
        }
        context.finalizer(false);
        return Outcome.done();
    }

    /**
     * Deletes the snapshot's VolumeSnapshots and archive folder; returns how many VolumeSnapshots remain. A deletion
     * that waits for them ({@code archiveLast}) keeps the archive until they are gone: its capture says which
     * namespaces to look in, so each look costs the snapshot's namespaces rather than the whole cluster's.
     */
    int removeArtifacts(SnapshotContext context, boolean archiveLast) {
        int remaining = new VolumeSnapshots(context.kube()).deleteAll(context.cr().uid(), claimNamespaces(context));
        if (context.path().isPresent() && !(archiveLast && remaining > 0)) {
            try {
                context.bucket().ifPresent(b -> b.retention().delete(context.path().get()));
            } catch (SnapshotException vaultUnusable) {
                // a vault that cannot be used now holds nothing this snapshot could remove
            } catch (ObjectStoreException e) {
                if (e.isRetryable() || e.httpStatus() == 0) {
                    throw e; // down for now: retried
                }
                // refused (bucket gone, access denied): nothing can be removed; the AppVault status says why
            }
        }
        return remaining;
    }

    /**
     * Where the snapshot's VolumeSnapshots can be: the namespaces of the claims it captured, while the capture is in
     * the bucket (it goes after them). Listing there, not in every namespace, keeps pruning a schedule's snapshots
     * from growing with the cluster. Empty (look everywhere) when the capture cannot be read.
     */
    private static Optional<Set<String>> claimNamespaces(SnapshotContext context) {
        try {
            if (context.path().isEmpty() || context.bucket().isEmpty()) {
                return Optional.empty();
            }
            Set<String> namespaces = new TreeSet<>();
            Claims.of(context.capture()).forEach(claim -> namespaces.add(Claims.namespace(claim)));
            return Optional.of(namespaces);
        } catch (SnapshotException | ObjectStoreException unreadable) {
            return Optional.empty();
        }
    }

    /** Pre hooks may have run (the step got that far) and the Post hooks are not all done. */
    private static boolean postHooksDue(SnapshotProgress progress) {
        return progress.step() != null && progress.step().compareTo(Step.PRE_HOOKS) >= 0
                && progress.step().compareTo(Step.POST_HOOKS) <= 0;
    }

    private static Optional<StepResult> postHook(SnapshotContext context) {
        try {
            return new HookStep(HookStage.POST).runNext(context, true);
        } catch (SnapshotException unusableHook) {
            return Optional.empty(); // an invalid Post hook cannot run; the failure message stands
        }
    }
}
