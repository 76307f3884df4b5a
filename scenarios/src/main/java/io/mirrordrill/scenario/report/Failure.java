package io.mirrordrill.scenario.report;

/**
 * Why a drill failed: a step that could not be done, an invariant broken, an expectation not met, or an error.
 *
 * @param kind {@code step}, {@code invariant}, {@code expectation} or {@code error}
 * @param where the drill file, line and path of the step or expectation
 * @param time simulated time (ISO-8601)
 * @param message what went wrong, one line
 * @param evidence what was seen: values, record ranges, states
 */
public record Failure(String kind, String where, String time, String message, String evidence) {
    public String describe() {
        return kind + " failed at " + where + " (simulated " + time + "): " + message
                + (evidence == null || evidence.isEmpty() ? "" : "\n    evidence: " + evidence);
    }
}
