package io.mirrordrill.engine.snapshot;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.archive.ArchiveException;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.runtime.Reconciler;
import io.mirrordrill.runtime.ResourceKey;
import io.mirrordrill.engine.model.HookStage;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.TimeoutAnnotation;
import io.mirrordrill.engine.model.ShutdownSnapshot;
import io.mirrordrill.engine.model.Snapshot;
import io.mirrordrill.engine.model.SnapshotState;
import io.mirrordrill.engine.model.yaml.BindingException;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.ConflictException;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.engine.controller.UnboundStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Snapshot and ShutdownSnapshot controllers: a snapshot is a list of steps ({@link Step}) run in order until one
 * waits (for VolumeSnapshots, for pods to stop). The status records the step under way before it acts, so a
 * restarted engine resumes there; the steps decide everything else from the cluster and the bucket. A problem a person must fix fails the snapshot (Post hooks and
 * clean-up first, see {@link SnapshotCleanup}); a port that is down is retried with backoff, its message in
 * {@code status.message}. The finalizer {@value SnapshotCr#FINALIZER} is held while the snapshot runs and, with
 * reclaim policy Delete, until its archive and VolumeSnapshots are deleted with it.
 */
public final class SnapshotReconciler implements Reconciler {
    private final String kind;
    private final List<SnapshotStep> steps;
    private final SnapshotCleanup cleanup;
    private final EnginePorts ports;
    private final EventRecorder events;

    private SnapshotReconciler(String kind, List<SnapshotStep> steps, boolean hooks, EnginePorts ports,
                               EventRecorder events) {
        this.events = events;
        this.kind = kind;
        this.steps = steps;
        this.cleanup = new SnapshotCleanup(hooks);
        this.ports = ports;
    }

    /** Pre hooks, capture, volume snapshots, Post hooks, archive. */
    public static SnapshotReconciler snapshots(EnginePorts ports, EventRecorder events) {
        return new SnapshotReconciler(Snapshot.KIND, List.of(new HookStep(HookStage.PRE), new CaptureStep(),
                new VolumeSnapshotStep(), new HookStep(HookStage.POST), new ArchiveStep()), true, ports, events);
    }

    /**
     * The seed's shutdown snapshot: capture the resources, stop the application (claims and volumes stay), snapshot
     * the now quiet volumes, archive. No hooks: with the application stopped there is nothing to freeze.
     */
    public static SnapshotReconciler shutdownSnapshots(EnginePorts ports, EventRecorder events) {
        return new SnapshotReconciler(ShutdownSnapshot.KIND, List.of(new CaptureStep(), new StopApplicationStep(),
                new VolumeSnapshotStep(), new ArchiveStep()), false, ports, events);
    }

    @Override
    public Outcome reconcile(ResourceKey key) {
        Optional<GenericKubernetesResource> found = ports.kubernetes().get(ProtectApi.API_VERSION, kind,
                key.namespace(), key.name());
        if (found.isEmpty()) {
            return Outcome.done();
        }
        SnapshotCr cr;
        try {
            cr = SnapshotCr.of(found.get());
        } catch (BindingException e) {
            return unbound(found.get(), e);
        }
        try (SnapshotContext context = new SnapshotContext(cr, ports, events)) {
            try {
                return decide(context);
            } catch (ConflictException | NotFoundException e) {
                return Outcome.requeueAfter(Duration.ZERO); // changed or gone under us: look again
            } catch (UnreachableException | KubernetesException | ObjectStoreException e) {
                return TransientFailure.retry(context, e);
            }
        }
    }

    private Outcome decide(SnapshotContext context) {
        SnapshotCr cr = context.cr();
        SnapshotProgress progress = cr.progress();
        if (cr.deleting()) {
            return cleanup.deleted(context);
        }
        if (progress.terminal()) {
            context.finalizer(progress.completed() && cr.reclaimDelete());
            return Outcome.done();
        }
        if (progress.failing()) {
            context.prepareLeniently();
            return cleanup.fail(context) ? Outcome.done() : Outcome.requeueAfter(Duration.ZERO);
        }
        try {
            context.prepare();
            if (!progress.started()) {
                context.finalizer(true);
                context.write(progress.running(context.requirePath().path(), steps.get(0).step()));
                progress = context.progress();
            }
            requireTimely(context);
            return advance(context, progress);
        } catch (SnapshotException e) {
            return fail(context, e.getMessage());
        } catch (ArchiveException e) {
            return fail(context, e.getMessage() + ". Fix: check the AppVault's bucket, then take a new snapshot");
        } catch (KubernetesException e) {
            if (e instanceof ConflictException || e instanceof NotFoundException || e.code() >= 500
                    || e.code() == 429) {
                throw e;
            }
            return fail(context, "the API server refused: " + e.getMessage() + ". Fix: check that the snapshot"
                    + " CRDs (snapshot.storage.k8s.io) and Trident are installed, then take a new snapshot");
        } catch (ObjectStoreException e) {
            if (e.isRetryable() || e.httpStatus() == 0) {
                throw e;
            }
            return fail(context, "the AppVault's bucket answered " + e.httpStatus() + " " + e.code() + ": "
                    + e.getMessage() + ". Fix: check the AppVault " + cr.spec().appVaultRef() + " (kubectl get appvault)");
        }
    }

    /** The snapshot-completion-timeout annotation: a snapshot still running after it fails (and cleans up). */
    private static void requireTimely(SnapshotContext context) {
        Optional<Duration> limit = context.cr().timeout(TimeoutAnnotation.SNAPSHOT_COMPLETION);
        if (limit.isPresent() && context.ports().clock().now().isAfter(context.cr().createdAt().plus(limit.get()))) {
            throw new SnapshotException(SnapshotException.TIMED_OUT, context.cr().describe() + " did not complete"
                    + " within " + TimeoutAnnotation.SNAPSHOT_COMPLETION.format(limit.get()) + " (annotation "
                    + TimeoutAnnotation.SNAPSHOT_COMPLETION.key() + "). Fix: see its status.message for what it"
                    + " waited for, then take a new snapshot or allow more time");
        }
    }

    /**
     * Runs steps until one waits or the snapshot completes, writing the status before each step acts: a restarted
     * engine resumes at the step the status names. Going on in the same reconcile, rather than requeueing, spares
     * reading the Application, the AppVault and its Secrets again for every step.
     */
    private Outcome advance(SnapshotContext context, SnapshotProgress progress) {
        while (true) {
            int at = indexOf(progress.step());
            StepResult result = steps.get(at).run(context);
            if (result instanceof StepResult.Waiting waiting) {
                context.write(progress.saying(waiting.message()));
                return Outcome.requeueAfter(waiting.delay());
            }
            if (result instanceof StepResult.Recorded recorded) {
                context.write(recorded.progress());
            } else if (at + 1 < steps.size()) {
                context.write(progress.at(steps.get(at + 1).step()));
            } else {
                context.write(progress.finished(SnapshotState.COMPLETED, ports.clock().now()));
                context.finalizer(context.cr().reclaimDelete());
                return Outcome.done();
            }
            progress = context.progress();
        }
    }

    /** Before any step acted there is nothing to undo: Failed at once. Otherwise failing, then cleaned up. */
    private Outcome fail(SnapshotContext context, String message) {
        SnapshotProgress progress = context.progress();
        if (!progress.started()) {
            String path = context.path().map(p -> p.path()).orElse(null);
            context.write(new SnapshotProgress(null, path, message, null, null, List.of(), null)
                    .finished(SnapshotState.FAILED, ports.clock().now()));
            context.finalizer(false);
            return Outcome.done();
        }
        context.write(progress.failingWith(message));
        return Outcome.requeueAfter(Duration.ZERO);
    }

    /** A spec that does not bind: the runtime's answer (Failed, or the finalizer released while deleted). */
    private Outcome unbound(GenericKubernetesResource found, BindingException e) {
        try {
            UnboundStatus.settle(ports.kubernetes(), found, e.getMessage(), ports.clock().now(), "Failed",
                    SnapshotCr.FINALIZER);
            return Outcome.done();
        } catch (ConflictException conflict) {
            return Outcome.requeueAfter(Duration.ZERO);
        } catch (NotFoundException gone) {
            return Outcome.done();
        }
    }

    private int indexOf(Step step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).step() == step) {
                return i;
            }
        }
        throw new IllegalStateException(kind + " has no step " + step);
    }
}
