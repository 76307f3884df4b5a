package io.mirrordrill.engine.archive;

/**
 * What one execution hook did during the snapshot, in the order hooks ran.
 *
 * @param hook the ExecHook's name
 * @param stage {@code Pre} or {@code Post}
 * @param result {@code Succeeded}, {@code Failed} or {@code TimedOut}
 * @param exitCode the script's exit code, or null when it never finished
 * @param message a short summary for a person (never the script's output, which may hold anything)
 */
public record HookResult(String hook, String stage, String action, String namespace, String pod, String container,
                         String result, Integer exitCode, String message) {}
