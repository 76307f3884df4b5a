package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What one execution hook did in one container, as a status shows it: never the script's output, which may hold
 * anything (a password it read, a connection string).
 *
 * @param result {@code Succeeded}, {@code Failed} or {@code TimedOut}
 * @param exitCode the script's exit code (124 when its timeout stopped it, 126 when it could not run)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"hook", "namespace", "pod", "container", "result", "exitCode", "message"})
public record HookRun(String hook, String namespace, String pod, String container, String result, Integer exitCode,
                      String message) {
    public static final String SUCCEEDED = "Succeeded";

    public boolean succeeded() {
        return SUCCEEDED.equals(result);
    }
}
