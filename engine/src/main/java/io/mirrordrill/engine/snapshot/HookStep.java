package io.mirrordrill.engine.snapshot;

import io.mirrordrill.engine.archive.HookResult;
import io.mirrordrill.engine.hooks.HookException;
import io.mirrordrill.engine.hooks.HookRunner;
import io.mirrordrill.engine.hooks.HookTarget;
import io.mirrordrill.engine.model.HookAction;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.engine.model.HookStage;

import java.util.List;
import java.util.Optional;

/**
 * The Pre or Post hooks: one container per reconcile, each result recorded before the next runs. A failed Pre hook
 * stops the Pre hooks and fails the snapshot (whose failure then runs the Post hooks); all Post hooks run, and one
 * that failed fails the snapshot afterwards, since the application may still be frozen.
 */
final class HookStep implements SnapshotStep {
    private final HookStage stage;

    HookStep(HookStage stage) {
        this.stage = stage;
    }

    @Override
    public Step step() {
        return stage == HookStage.PRE ? Step.PRE_HOOKS : Step.POST_HOOKS;
    }

    @Override
    public StepResult run(SnapshotContext context) {
        SnapshotProgress progress = context.progress();
        if (stage == HookStage.PRE) {
            failure(progress).ifPresent(HookStep::refuse);
        }
        Optional<StepResult> ran = runNext(context, false);
        if (ran.isPresent()) {
            return ran.get();
        }
        failure(progress).ifPresent(HookStep::refuse);
        return StepResult.FINISHED;
    }

    /** Runs the next container without a result; empty when every target has one. */
    Optional<StepResult> runNext(SnapshotContext context, boolean lenient) {
        SnapshotProgress progress = context.progress();
        HookRunner runner = new HookRunner(context.kube(), context.ports().exec());
        String app = context.app().map(a -> a.name()).orElse(context.cr().spec().applicationRef());
        List<HookTarget> targets;
        try {
            targets = runner.targets(context.cr().namespace(), app, HookAction.SNAPSHOT, stage,
                    context.hookScope(lenient));
        } catch (HookException invalid) {
            throw new SnapshotException(SnapshotException.HOOK_FAILED, invalid.getMessage());
        }
        for (HookTarget target : targets) {
            if (progress.hooks().stream().noneMatch(target::ranAs)) {
                HookResult result = runner.run(target);
                boolean ok = "Succeeded".equals(result.result());
                context.events().record(context.involved(), ok ? EventRecorder.Type.Normal
                        : EventRecorder.Type.Warning, ok ? "ExecHookSucceeded" : "ExecHookFailed", result.stage()
                        + " hook " + result.hook() + " in container " + result.container() + " of pod "
                        + result.namespace() + "/" + result.pod() + ": " + HookRunner.outcome(result.result(),
                        result.exitCode(), result.stdout(), result.stderr()));
                return Optional.of(new StepResult.Recorded(progress.withHook(result)));
            }
        }
        return Optional.empty();
    }

    private Optional<HookResult> failure(SnapshotProgress progress) {
        return progress.hooks().stream().filter(h -> h.stage().equals(stage.value()) && !"Succeeded".equals(h.result()))
                .findFirst();
    }

    private static void refuse(HookResult h) {
        throw new SnapshotException(SnapshotException.HOOK_FAILED, h.stage() + " hook " + h.hook() + " failed in"
                + " container " + h.container() + " of pod " + h.namespace() + "/" + h.pod() + " (" + h.message()
                + "). Fix: run its script by hand (kubectl exec -n " + h.namespace() + " " + h.pod() + " -c "
                + h.container() + " -- /bin/sh -c '<script>') to see why, correct the ExecHook, then take a new"
                + " snapshot");
    }
}
