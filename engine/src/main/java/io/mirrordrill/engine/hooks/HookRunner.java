package io.mirrordrill.engine.hooks;

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
 * Execution hooks of one action and stage: the enabled ExecHooks of the application, run in every container of the
 * application's running pods that their criteria match, as {@code /bin/sh -c <script> <arguments...>}. Hooks go by
 * name, pods by namespace and name, containers in the pod's order, so every run visits them in the same order. A
 * result keeps the exit code, never the script's output, which may hold anything.
 */
public final class HookRunner {
    private final KubernetesPort kubernetes;
    private final PodExecPort exec;

    public HookRunner(KubernetesPort kubernetes, PodExecPort exec) {
        this.kubernetes = kubernetes;
        this.exec = exec;
    }

    /** The containers the application's hooks of {@code action} and {@code stage} run in, in the order they run. */
    public List<HookTarget> targets(String namespace, String appName, HookAction action, HookStage stage,
                                    List<ApplicationScope.Included> scope) {
        List<HookTarget> targets = new ArrayList<>();
        for (ExecHook hook : hooks(namespace, appName, action, stage)) {
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

    public HookResult run(HookTarget target) {
        ExecHook hook = target.hook();
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script(hook)));
        command.addAll(hook.spec().arguments() == null ? List.of() : hook.spec().arguments());
        PodExecPort.ExecResult result = exec.exec(target.namespace(), target.pod(), target.container(), command,
                Duration.ofMinutes(hook.spec().timeoutOrDefault()));
        return new HookResult(hook.name(), hook.spec().stage(), hook.spec().action(), target.namespace(),
                target.pod(), target.container(), result.succeeded() ? "Succeeded" : "Failed", result.exitCode(),
                "exit code " + result.exitCode());
    }

    /**
     * Enabled hooks of the application for {@code action} at {@code stage}, by name; an invalid one is refused
     * rather than skipped, so a typo does not silently leave an application unprotected.
     */
    public List<ExecHook> hooks(String namespace, String appName, HookAction action, HookStage stage) {
        List<ExecHook> hooks = new ArrayList<>();
        for (GenericKubernetesResource raw : kubernetes.list(ProtectApi.API_VERSION, ExecHook.KIND, namespace, null)) {
            ExecHook hook;
            try {
                hook = (ExecHook) ProtectYaml.fromGeneric(raw);
            } catch (BindingException e) {
                throw new HookException("ExecHook " + namespace + "/" + raw.getMetadata().getName() + ": "
                        + e.getMessage());
            }
            if (hook.spec() == null || !appName.equals(hook.spec().applicationRef())
                    || !action.value().equals(hook.spec().action())
                    || !stage.value().equals(hook.spec().stage()) || !hook.spec().enabledOrDefault()) {
                continue;
            }
            List<Problem> problems = Validator.validateSpec(hook);
            if (!problems.isEmpty()) {
                Problem p = problems.get(0);
                throw new HookException("ExecHook " + namespace + "/" + hook.name() + " " + p.field() + ": "
                        + p.message() + ". Fix: " + p.fix());
            }
            hooks.add(hook);
        }
        return hooks;
    }

    private static String script(ExecHook hook) {
        return new String(Base64.getMimeDecoder().decode(hook.spec().hookSource()), StandardCharsets.UTF_8);
    }
}
