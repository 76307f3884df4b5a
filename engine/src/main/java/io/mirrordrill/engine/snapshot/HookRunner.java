package io.mirrordrill.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.application.ApplicationScope;
import io.mirrordrill.engine.archive.HookResult;
import io.mirrordrill.engine.model.ExecHook;
import io.mirrordrill.engine.model.HookAction;
import io.mirrordrill.engine.model.HookStage;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.validation.Problem;
import io.mirrordrill.engine.model.validation.Validator;
import io.mirrordrill.engine.model.yaml.BindingException;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.exec.PodExecPort;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Execution hooks around a snapshot: the enabled ExecHooks of the application for action Snapshot and one stage, run
 * in every container of the application's running pods that their criteria match, as
 * {@code /bin/sh -c <script> <arguments...>}. Hooks go by name, pods by namespace and name, containers in the pod's
 * order, so every run of the same snapshot visits them in the same order. A result keeps the exit code, never the
 * script's output, which may hold anything.
 */
final class HookRunner {
    private final KubernetesPort kubernetes;
    private final PodExecPort exec;

    HookRunner(KubernetesPort kubernetes, PodExecPort exec) {
        this.kubernetes = kubernetes;
        this.exec = exec;
    }

    /** The containers the application's hooks of {@code stage} run in, in the order they run. */
    List<HookTarget> targets(String namespace, String appName, HookStage stage,
                             List<ApplicationScope.Included> scope) {
        List<HookTarget> targets = new ArrayList<>();
        for (ExecHook hook : hooks(namespace, appName, stage)) {
            for (ApplicationScope.Included ns : scope) {
                for (GenericKubernetesResource pod : kubernetes.list("v1", "Pod", ns.name(), ns.selector())) {
                    JsonNode tree = Resources.toTree(pod);
                    if (!"Running".equals(tree.path("status").path("phase").asText())) {
                        continue;
                    }
                    for (JsonNode c : tree.path("spec").path("containers")) {
                        String container = c.path("name").asText();
                        if (HookMatch.matches(hook.spec().matchingCriteria(), ns.name(), pod.getMetadata().getName(),
                                Resources.labels(pod), container, c.path("image").asText(null))) {
                            targets.add(new HookTarget(hook, ns.name(), pod.getMetadata().getName(), container));
                        }
                    }
                }
            }
        }
        return targets;
    }

    HookResult run(HookTarget target) {
        ExecHook hook = target.hook();
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script(hook)));
        command.addAll(hook.spec().arguments() == null ? List.of() : hook.spec().arguments());
        PodExecPort.ExecResult result = exec.exec(target.namespace(), target.pod(), target.container(), command,
                Duration.ofMinutes(hook.spec().timeoutOrDefault()));
        return new HookResult(hook.name(), hook.spec().stage(), HookAction.SNAPSHOT.value(), target.namespace(),
                target.pod(), target.container(), result.succeeded() ? "Succeeded" : "Failed", result.exitCode(),
                "exit code " + result.exitCode());
    }

    /** Enabled hooks of the application for snapshots at {@code stage}, by name; an invalid one is refused. */
    private List<ExecHook> hooks(String namespace, String appName, HookStage stage) {
        List<ExecHook> hooks = new ArrayList<>();
        for (GenericKubernetesResource raw : kubernetes.list(ProtectApi.API_VERSION, ExecHook.KIND, namespace, null)) {
            ExecHook hook;
            try {
                hook = (ExecHook) ProtectYaml.fromGeneric(raw);
            } catch (BindingException e) {
                throw new SnapshotException(SnapshotException.HOOK_FAILED, "ExecHook " + namespace + "/"
                        + raw.getMetadata().getName() + ": " + e.getMessage());
            }
            if (hook.spec() == null || !appName.equals(hook.spec().applicationRef())
                    || !HookAction.SNAPSHOT.value().equals(hook.spec().action())
                    || !stage.value().equals(hook.spec().stage()) || !hook.spec().enabledOrDefault()) {
                continue;
            }
            List<Problem> problems = Validator.validateSpec(hook);
            if (!problems.isEmpty()) {
                Problem p = problems.get(0);
                throw new SnapshotException(SnapshotException.HOOK_FAILED, "ExecHook " + namespace + "/" + hook.name()
                        + " " + p.field() + ": " + p.message() + ". Fix: " + p.fix());
            }
            hooks.add(hook);
        }
        return hooks;
    }

    private static String script(ExecHook hook) {
        return new String(Base64.getMimeDecoder().decode(hook.spec().hookSource()), StandardCharsets.UTF_8);
    }
}
