package io.mirrordrill.scenario.report;

/**
 * One command line of a runbook step ({@code sh}) as it ran against the served estate.
 *
 * @param path where the step is written ({@code steps[3]}, {@code procedures.failover[1]})
 * @param context the kubeconfig's current context it ran with
 * @param command the command (or script) as run, its templates filled in
 * @param exitCode its exit status; -1 when it was killed at its timeout
 * @param atMillis simulated milliseconds since the drill began (time stands still while it runs)
 */
public record CommandRun(String source, String path, int line, String context, String command, int exitCode,
                         String stdout, String stderr, long atMillis) {}
