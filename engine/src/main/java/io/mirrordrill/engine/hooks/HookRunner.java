package io.mirrordrill.engine.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.application.ApplicationScope;
import io.mirrordrill.engine.appvault.AppVaults;
import io.mirrordrill.engine.archive.HookResult;
import io.mirrordrill.engine.model.ExecHook;
import io.mirrordrill.engine.model.HookAction;
import io.mirrordrill.engine.model.HookStage;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.validation.Problem;
import io.mirrordrill.engine.model.validation.Validator;
import io.mirrordrill.engine.model.yaml.BindingException;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.MirrordrillException;
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
 * result keeps the exit code and the end of stdout and stderr ({@link OutputTail}); since a script may print
 * anything, its output is scrubbed of the Secrets of the hook's namespaces and the protect namespace
 * ({@link OutputScrubber}) before it is cut and kept, so no status, Event or archive holds a secret.
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
        String stdout = result.stdout();
        String stderr = result.stderr();
        if (!isBlank(stdout) || !isBlank(stderr)) {
            try {
                OutputScrubber scrubber = OutputScrubber.of(kubernetes, List.of(target.namespace(),
                        hook.metadata() == null || hook.metadata().getNamespace() == null ? target.namespace()
                                : hook.metadata().getNamespace(), AppVaults.PROTECT_NAMESPACE));
                stdout = OutputTail.of(scrubber.scrub(stdout));
                stderr = OutputTail.of(scrubber.scrub(stderr));
            } catch (MirrordrillException secretsUnreadable) {
                // output that cannot be scrubbed is not kept; failing here would run the hook again
                stdout = null;
                stderr = null;
            }
        }
        return new HookResult(hook.name(), hook.spec().stage(), hook.spec().action(), target.namespace(),
                target.pod(), target.container(), result.succeeded() ? "Succeeded" : "Failed", result.exitCode(),
                "exit code " + result.exitCode(), isBlank(stdout) ? null : stdout, isBlank(stderr) ? null : stderr);
    }

    /**
     * What an Event tells of a result: its exit code and, when it printed anything, the first line of its kept
     * stderr, else of its stdout (already scrubbed).
     */
    public static String outcome(String result, Integer exitCode, String stdout, String stderr) {
        String excerpt = OutputTail.excerpt(stdout, stderr);
        return result + (exitCode == null ? "" : " (exit code " + exitCode + ")")
                + (excerpt == null ? "" : ": " + excerpt);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
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
