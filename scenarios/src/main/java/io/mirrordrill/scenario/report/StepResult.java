package io.mirrordrill.scenario.report;

/**
 * One step as it ran.
 *
 * @param source the file it is written in
 * @param path where it is written ({@code steps[3]}, {@code procedures.failover[1]})
 * @param depth 0 for a drill's own step, 1 and more inside {@code run}
 * @param startMillis simulated milliseconds since the drill began
 * @param outcome {@code ok}, {@code failed} or {@code skipped}
 */
public record StepResult(String source, String path, int line, int depth, String description, long startMillis, long endMillis,
                         String outcome, String message) {}
