package io.mirrordrill.engine.archive;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one execution hook did during the snapshot, in the order hooks ran.
 *
 * @param hook the ExecHook's name
 * @param stage {@code Pre} or {@code Post}
 * @param result {@code Succeeded}, {@code Failed} or {@code TimedOut}
 * @param exitCode the script's exit code, or null when it never finished
 * @param message a short summary for a person
 * @param stdout the end of what the script printed, secrets masked (see {@code engine.hooks.HookRunner}); absent
 *               when it printed nothing
 * @param stderr the end of its standard error, likewise
 */
public record HookResult(String hook, String stage, String action, String namespace, String pod, String container,
                         String result, Integer exitCode, String message,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String stdout,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String stderr) {

    /** A result without output. */
    public HookResult(String hook, String stage, String action, String namespace, String pod, String container,
                      String result, Integer exitCode, String message) {
        this(hook, stage, action, namespace, pod, container, result, exitCode, message, null, null);
    }
}
