package io.mirrordrill.engine.hooks;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.mirrordrill.engine.archive.HookResult;
import io.mirrordrill.engine.model.ExecHook;
import io.mirrordrill.engine.model.ExecHookSpec;
import io.mirrordrill.port.exec.PodExecPort;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HookRunnerOutputTest {
    private static final ExecHook HOOK = new ExecHook(new ObjectMetaBuilder().withName("notify")
            .withNamespace("app").build(), new ExecHookSpec("my-app", "Post", "Snapshot", true, "ZXhpdCAx", null,
            null, null, Map.of()));
    private static final HookTarget TARGET = new HookTarget(HOOK, "app", "web-0", "web");

    /** A cluster whose Secrets cannot be listed (RBAC forbids it), counting the attempts. */
    private static KubernetesPort secretsForbidden(int[] lists) {
        return (KubernetesPort) Proxy.newProxyInstance(KubernetesPort.class.getClassLoader(),
                new Class<?>[] {KubernetesPort.class}, (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                        lists[0]++;
                        throw new KubernetesException(403, "Forbidden", "secrets is forbidden", "Secret",
                                (String) args[2], null);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void outputIsDroppedWhenTheSecretsToScrubItWithCannotBeRead() {
        int[] lists = {0};
        PodExecPort exec = (ns, pod, container, command, timeout) -> new PodExecPort.ExecResult(1,
                "password is correct-horse-battery\n", "boom\n");
        HookResult result = new HookRunner(secretsForbidden(lists), exec).run(TARGET);
        assertEquals("Failed", result.result());
        assertEquals(1, result.exitCode());
        assertNull(result.stdout());
        assertNull(result.stderr());
        assertEquals(1, lists[0], "the Secrets were asked for");
    }

    @Test
    void aHookThatPrintsNothingReadsNoSecret() {
        int[] lists = {0};
        PodExecPort exec = (ns, pod, container, command, timeout) -> new PodExecPort.ExecResult(0, "", "\n");
        HookResult result = new HookRunner(secretsForbidden(lists), exec).run(TARGET);
        assertEquals("Succeeded", result.result());
        assertNull(result.stdout());
        assertNull(result.stderr());
        assertEquals(0, lists[0]);
        assertEquals("Succeeded (exit code 0)", HookRunner.outcome(result.result(), result.exitCode(),
                result.stdout(), result.stderr()));
    }
}
