package io.mirrordrill.engine.hooks;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.application.ApplicationException;
import io.mirrordrill.engine.application.ApplicationResolver;
import io.mirrordrill.engine.application.ApplicationScope;
import io.mirrordrill.engine.appvault.AppVaults;
import io.mirrordrill.engine.archive.HookResult;
import io.mirrordrill.engine.controller.Decision;
import io.mirrordrill.engine.controller.ProtectReconciler;
import io.mirrordrill.engine.controller.Ready;
import io.mirrordrill.engine.model.Application;
import io.mirrordrill.engine.model.ExecHooksRun;
import io.mirrordrill.engine.model.ExecHooksRunSpec;
import io.mirrordrill.engine.model.ExecHooksRunStatus;
import io.mirrordrill.engine.model.HookAction;
import io.mirrordrill.engine.model.HookRun;
import io.mirrordrill.engine.model.HookStage;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.validation.Problem;
import io.mirrordrill.engine.model.validation.Validator;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.runtime.EventRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The ExecHooksRun controller: runs the application's enabled ExecHooks of the run's action and stage once, in every
 * running container they match (as {@link HookRunner} finds them), one container per reconcile with its result in
 * {@code status.hookRuns} before the next runs, so a restarted engine neither repeats nor skips one. It ends
 * {@code Completed} when every hook succeeded (or none matched) and {@code Failed} when one did not; either is final.
 * Each result is an Event ({@code ExecHookSucceeded}/{@code ExecHookFailed}, as for a snapshot's hooks, with the
 * first line of its scrubbed output), and so is
 * the end ({@code ExecHooksRunCompleted}/{@code ExecHooksRunFailed}). The run reads the live application; its
 * {@code appArchivePath} is kept but its archive is not read (see docs/engine.md).
 */
public final class ExecHooksRunReconciler implements ProtectReconciler<ExecHooksRun, ExecHooksRunStatus> {
    public static final String SUCCEEDED = "ExecHookSucceeded";
    public static final String FAILED = "ExecHookFailed";
    public static final String RUN_COMPLETED = "ExecHooksRunCompleted";
    public static final String RUN_FAILED = "ExecHooksRunFailed";

    private final EnginePorts ports;
    private final EventRecorder events;

    public ExecHooksRunReconciler(EnginePorts ports, EventRecorder events) {
        this.ports = ports;
        this.events = events;
    }

    @Override
    public String kind() {
        return ExecHooksRun.KIND;
    }

    @Override
    public ExecHooksRunStatus emptyStatus() {
        return new ExecHooksRunStatus(null, null, List.of(), null, null);
    }

    @Override
    public Decision<ExecHooksRunStatus> reconcile(ExecHooksRun run) {
        ExecHooksRunStatus status = run.status() == null ? emptyStatus() : run.status();
        if (status.finished()) {
            return Decision.done();
        }
        List<HookRun> done = status.hookRuns() == null ? List.of() : status.hookRuns();
        List<HookTarget> targets;
        try {
            targets = targets(run);
        } catch (InvalidRun | HookException | ApplicationException e) {
            return finish(run, done, e.getMessage());
        }
        for (HookTarget target : targets) {
            if (done.stream().noneMatch(r -> ranAs(target, r))) {
                HookResult result = new HookRunner(ports.kubernetes(), ports.exec()).run(target);
                HookRun ran = new HookRun(result.hook(), result.namespace(), result.pod(), result.container(),
                        result.result(), result.exitCode(), result.message(), result.stdout(), result.stderr());
                record(run, ran);
                List<HookRun> now = new ArrayList<>(done);
                now.add(ran);
                return Decision.requeue(status(ExecHooksRunStatus.RUNNING, null, now), Ready.isFalse("Running",
                        now.size() + " of " + targets.size() + " hook runs done"), Duration.ZERO);
            }
        }
        if (targets.isEmpty()) {
            return finishedWith(run, done, "no " + run.spec().stage() + " " + run.spec().action()
                    + " hook of application " + run.spec().applicationRef() + " matched a running container");
        }
        List<String> failed = done.stream().filter(r -> !r.succeeded()).map(HookRun::hook).distinct().toList();
        return failed.isEmpty() ? finishedWith(run, done, done.size() + " hook runs succeeded")
                : finish(run, done, "hooks " + failed + " failed: " + done.stream().filter(r -> !r.succeeded())
                        .map(r -> r.hook() + " in " + r.namespace() + "/" + r.pod() + "/" + r.container() + " ("
                                + r.message() + ")").toList() + ". Fix: run the script by hand with kubectl exec to"
                        + " see why, correct the ExecHook, then create a new ExecHooksRun");
    }

    /** The matching containers, or why the run can never start. */
    private List<HookTarget> targets(ExecHooksRun run) {
        List<Problem> problems = Validator.validateSpec(run);
        if (!problems.isEmpty()) {
            Problem p = problems.get(0);
            throw new InvalidRun(p.field() + ": " + p.message() + ". Fix: " + p.fix());
        }
        ExecHooksRunSpec spec = run.spec();
        String namespace = run.metadata().getNamespace();
        Application app = ports.kubernetes().get(ProtectApi.API_VERSION, Application.KIND, namespace,
                spec.applicationRef()).map(r -> (Application) ProtectYaml.fromGeneric(r)).orElseThrow(() ->
                new InvalidRun("spec.applicationRef: Application " + namespace + "/" + spec.applicationRef()
                        + " not found. Fix: name the Application whose hooks should run"));
        if (AppVaults.find(ports.kubernetes(), spec.appVaultRef(), namespace).isEmpty()) {
            throw new InvalidRun("spec.appVaultRef: AppVault " + spec.appVaultRef() + " not found. Fix: name the"
                    + " AppVault of the ResourceBackup the run goes with");
        }
        List<ApplicationScope.Included> scope = new ApplicationResolver(ports.kubernetes()).scope(app).namespaces();
        return new HookRunner(ports.kubernetes(), ports.exec()).targets(namespace, app.name(),
                HookAction.parse(spec.action()).orElseThrow(), HookStage.parse(spec.stage()).orElseThrow(), scope);
    }

    private static boolean ranAs(HookTarget target, HookRun r) {
        return r.hook().equals(target.hook().name()) && r.namespace().equals(target.namespace())
                && r.pod().equals(target.pod()) && r.container().equals(target.container());
    }

    private void record(ExecHooksRun run, HookRun r) {
        events.record(involved(run), r.succeeded() ? EventRecorder.Type.Normal : EventRecorder.Type.Warning,
                r.succeeded() ? SUCCEEDED : FAILED, run.spec().stage() + " " + run.spec().action() + " hook "
                        + r.hook() + " in container " + r.container() + " of pod " + r.namespace() + "/" + r.pod()
                        + ": " + HookRunner.outcome(r.result(), r.exitCode(), r.stdout(), r.stderr()));
    }

    private Decision<ExecHooksRunStatus> finishedWith(ExecHooksRun run, List<HookRun> done, String message) {
        events.normal(involved(run), RUN_COMPLETED, message);
        return Decision.done(status(ExecHooksRunStatus.COMPLETED, null, done), Ready.isTrue("Completed", message));
    }

    private Decision<ExecHooksRunStatus> finish(ExecHooksRun run, List<HookRun> done, String error) {
        events.warning(involved(run), RUN_FAILED, error);
        return Decision.done(status(ExecHooksRunStatus.FAILED, error, done), Ready.isFalse("Failed", error));
    }

    private static ExecHooksRunStatus status(String state, String error, List<HookRun> runs) {
        return new ExecHooksRunStatus(state, error, null, runs.isEmpty() ? null : runs, null);
    }

    private static EventRecorder.Involved involved(ExecHooksRun run) {
        return EventRecorder.Involved.of(ProtectApi.API_VERSION, ExecHooksRun.KIND, run.metadata());
    }

    /** A run whose spec, application or AppVault cannot work as written. */
    private static final class InvalidRun extends MirrordrillException {
        InvalidRun(String message) {
            super(message);
        }
    }
}
