package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What one execution hook did in one container, as a status shows it, with the end of the script's output once
 * secrets are masked ({@code engine.hooks.HookRunner}: a password it read, a connection string become {@code ***}).
 *
 * @param result {@code Succeeded}, {@code Failed} or {@code TimedOut}
 * @param exitCode the script's exit code (124 when its timeout stopped it, 126 when it could not run)
 * @param stdout the last lines of what it printed, secrets masked; absent when it printed nothing
 * @param stderr the last lines of its standard error, likewise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"hook", "namespace", "pod", "container", "result", "exitCode", "message", "stdout", "stderr"})
public record HookRun(String hook, String namespace, String pod, String container, String result, Integer exitCode,
                      String message, String stdout, String stderr) {
    public static final String SUCCEEDED = "Succeeded";

    public boolean succeeded() {
        return SUCCEEDED.equals(result);
    }
}
