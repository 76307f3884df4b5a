package io.mirrordrill.scenario.drill;

/**
 * One thing wrong in a drill or a file it names: where (file, 1-based line, field path) and what to do about it.
 *
 * @param field the path inside the file, e.g. {@code steps[3].apply.cluster}; empty for the whole file
 */
public record Problem(String source, int line, String field, String reason, String fix) {
    /** {@code file:line: field: reason. Fix: fix}. */
    public String describe() {
        return source + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + reason
                + ". Fix: " + fix;
    }
}
