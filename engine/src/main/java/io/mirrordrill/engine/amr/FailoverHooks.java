package io.mirrordrill.engine.amr;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.mirrordrill.engine.controller.Decision;
import io.mirrordrill.engine.hooks.HookException;
import io.mirrordrill.engine.hooks.HookRunner;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.AppMirrorRelationshipStatus;
import io.mirrordrill.engine.model.Condition;
import io.mirrordrill.engine.model.ExecHook;
import io.mirrordrill.engine.model.ExecHooksRun;
import io.mirrordrill.engine.model.ExecHooksRunSpec;
import io.mirrordrill.engine.model.ExecHooksRunStatus;
import io.mirrordrill.engine.model.HookAction;
import io.mirrordrill.engine.model.HookRun;
import io.mirrordrill.engine.model.HookStage;
import io.mirrordrill.engine.model.PostFailoverHooks;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.Clock;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.runtime.EventRecorder;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Execution hooks around a failover, on the destination. Once a promotion has brought the application up, its
 * enabled {@code Post}/{@code Failover} ExecHooks (copied to the destination with the application's resources, as
 * Trident protect does) run through an ExecHooksRun the relationship creates; the run's outcome is copied into
 * {@code status.postFailoverHooks} and told in an Event. A failed hook does not undo the failover: the relationship
 * stays Promoted and the report says which hook failed where. With no such hook nothing is created or written.
 * When the engine takes an application's volumes over (resync, reverse resync) the hooks in its namespaces go.
 */
final class FailoverHooks {
    /** The Event when every post-failover hook succeeded. */
    static final String COMPLETED = "PostFailoverHooksCompleted";
    /** The Event (Warning) when one failed, or could not run. */
    static final String FAILED = "PostFailoverHooksFailed";
    /** How long the hooks wait for the restored workloads to be ready before they run in what runs. */
    static final Duration APP_UP_TIMEOUT = Duration.ofMinutes(10);

    private final KubernetesPort kube;
    private final Clock clock;
    private final EventRecorder events;

    FailoverHooks(KubernetesPort kube, Clock clock, EventRecorder events) {
        this.kube = kube;
        this.clock = clock;
        this.events = events;
    }

    /** The step of a Promoted relationship: start, follow or finish the post-failover hooks of its promotion. */
    Decision<AppMirrorRelationshipStatus> afterPromotion(AppMirrorRelationship amr) {
        PostFailoverHooks report = amr.status().postFailoverHooks();
        if (report != null && report.finished()) {
            return Decision.done();
        }
        if (report == null) {
            return start(amr);
        }
        Optional<ExecHooksRun> run = kube.get(ProtectApi.API_VERSION, ExecHooksRun.KIND, home(amr),
                report.execHooksRun()).map(r -> (ExecHooksRun) ProtectYaml.fromGeneric(r));
        if (run.isEmpty()) {
            return finish(amr, new PostFailoverHooks(report.execHooksRun(), ExecHooksRunStatus.FAILED,
                    report.hookRuns()), "ExecHooksRun " + report.execHooksRun() + " was deleted before it finished");
        }
        ExecHooksRunStatus s = run.get().status();
        PostFailoverHooks now = new PostFailoverHooks(report.execHooksRun(),
                s == null || s.state() == null ? ExecHooksRunStatus.RUNNING : s.state(),
                s == null ? null : s.hookRuns());
        if (now.finished()) {
            return finish(amr, now, s.error());
        }
        return now.equals(report) ? Decision.after(AmrReconciler.POLL)
                : Decision.requeue(amr.status().withPostFailoverHooks(now), null, AmrReconciler.POLL);
    }

    private Decision<AppMirrorRelationshipStatus> start(AppMirrorRelationship amr) {
        String app = application(amr);
        List<ExecHook> hooks;
        try {
            hooks = new HookRunner(kube, null).hooks(home(amr), app, HookAction.FAILOVER, HookStage.POST);
        } catch (HookException invalid) {
            return finish(amr, new PostFailoverHooks(null, ExecHooksRunStatus.FAILED, null), invalid.getMessage());
        }
        if (hooks.isEmpty()) {
            return Decision.done();
        }
        Instant promoted = promotedAt(amr);
        if (!appUp(amr) && clock.now().isBefore(promoted.plus(APP_UP_TIMEOUT))) {
            return Decision.after(AmrReconciler.POLL);
        }
        String name = runName(amr.metadata().getName(), promoted);
        if (kube.get(ProtectApi.API_VERSION, ExecHooksRun.KIND, home(amr), name).isEmpty()) {
            String path = amr.status().lastTransferredSnapshot() == null ? null
                    : AmrReconciler.pathOf(amr, amr.status().lastTransferredSnapshot()).path();
            kube.create(ProtectYaml.toGeneric(new ExecHooksRun(new ObjectMetaBuilder().withName(name)
                    .withNamespace(home(amr)).build(), new ExecHooksRunSpec(app,
                    amr.spec().destinationAppVaultRef(), path, HookAction.FAILOVER.value(), HookStage.POST.value()))));
        }
        return Decision.requeue(amr.status().withPostFailoverHooks(new PostFailoverHooks(name,
                ExecHooksRunStatus.RUNNING, null)), null, AmrReconciler.POLL);
    }

    private Decision<AppMirrorRelationshipStatus> finish(AppMirrorRelationship amr, PostFailoverHooks report,
                                                         String error) {
        EventRecorder.Involved involved = EventRecorder.Involved.of(ProtectApi.API_VERSION,
                AppMirrorRelationship.KIND, amr.metadata());
        List<HookRun> runs = report.hookRuns() == null ? List.of() : report.hookRuns();
        String summary = runs.stream().map(r -> r.hook() + " in " + r.namespace() + "/" + r.pod() + "/"
                + r.container() + ": " + r.result() + (r.exitCode() == null ? "" : " (exit code " + r.exitCode()
                + ")")).toList().toString();
        if (ExecHooksRunStatus.COMPLETED.equals(report.state())) {
            events.normal(involved, COMPLETED, "post-failover hooks ran on the destination: " + summary);
        } else {
            events.warning(involved, FAILED, "post-failover hooks failed; the application stays failed over: "
                    + (error == null ? summary : error));
        }
        return Decision.done(amr.status().withPostFailoverHooks(report), null);
    }

    /**
     * {@code <amr>-post-failover-<epoch seconds>}: one run per promotion, found again after a crash. A long AMR name
     * is cut so the whole stays a valid object name (253 characters, no label ending in '.' or '-').
     */
    static String runName(String amr, Instant promoted) {
        String suffix = "-post-failover-" + promoted.getEpochSecond();
        String head = amr.length() + suffix.length() <= 253 ? amr : amr.substring(0, 253 - suffix.length());
        return head.replaceAll("[.-]+$", "") + suffix;
    }

    /** When the relationship became Promoted: Ready's transition, which the lifecycle restarts on each move. */
    private Instant promotedAt(AppMirrorRelationship amr) {
        return amr.status().conditions().stream().filter(c -> c.type().equals("Ready"))
                .map(Condition::lastTransitionTime).filter(t -> t != null).findFirst().orElse(clock.now());
    }

    /** Every restored Deployment and StatefulSet in the destination namespaces has its replicas ready. */
    private boolean appUp(AppMirrorRelationship amr) {
        for (String ns : amr.status().destinationNamespaces()) {
            for (String kind : List.of("Deployment", "StatefulSet")) {
                for (GenericKubernetesResource w : kube.list("apps/v1", kind, ns, LabelSelector.everything())) {
                    JsonNode tree = Resources.toTree(w);
                    if (tree.path("status").path("readyReplicas").asInt(0)
                            < tree.path("spec").path("replicas").asInt(1)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Removes the ExecHooks of namespaces whose application is taken over: they return with the next failover. */
    static void remove(KubernetesPort kube, Collection<String> namespaces) {
        for (String ns : namespaces) {
            for (GenericKubernetesResource hook : kube.list(ProtectApi.API_VERSION, ExecHook.KIND, ns,
                    LabelSelector.everything())) {
                try {
                    kube.delete(ProtectApi.API_VERSION, ExecHook.KIND, ns, hook.getMetadata().getName());
                } catch (NotFoundException gone) {
                    // deleted meanwhile: what we wanted
                }
            }
        }
    }

    private static String application(AppMirrorRelationship amr) {
        String ref = amr.status().destinationApplicationRef();
        return ref != null ? ref : amr.spec().sourceApplicationName();
    }

    private static String home(AppMirrorRelationship amr) {
        return amr.metadata().getNamespace();
    }
}
