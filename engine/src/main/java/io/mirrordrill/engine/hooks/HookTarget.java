package io.mirrordrill.engine.hooks;

import io.mirrordrill.engine.archive.HookResult;
import io.mirrordrill.engine.model.ExecHook;

/** One container an ExecHook runs in. */
public record HookTarget(ExecHook hook, String namespace, String pod, String container) {

    /** Whether a recorded result is of this hook in this container. */
    public boolean ranAs(HookResult result) {
        return result.hook().equals(hook.name()) && result.stage().equals(hook.spec().stage())
                && result.namespace().equals(namespace) && result.pod().equals(pod)
                && result.container().equals(container);
    }

    public static boolean sameTarget(HookResult a, HookResult b) {
        return a.hook().equals(b.hook()) && a.stage().equals(b.stage()) && a.namespace().equals(b.namespace())
                && a.pod().equals(b.pod()) && a.container().equals(b.container());
    }

    public String describe() {
        return hook.spec().stage() + " hook " + hook.name() + " in container " + container + " of pod " + namespace
                + "/" + pod;
    }
}
