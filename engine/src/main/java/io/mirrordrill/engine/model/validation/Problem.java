package io.mirrordrill.engine.model.validation;

/**
 * One thing wrong with a resource, phrased for the person who wrote it: where (file, line, resource, field path),
 * what is wrong, and what to write instead.
 *
 * @param source the file (or label) the resource came from
 * @param line 1-based line, 0 when unknown (a resource built in code)
 * @param resource {@code Kind/namespace/name} as far as known, or empty
 * @param field path such as {@code spec.providerCredentials.secretAccessKey.valueFromSecret.name}, or empty
 * @param message what is wrong
 * @param fix what to do about it
 */
public record Problem(String source, int line, String resource, String field, String message, String fix) {

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + ": " + (resource.isEmpty() ? "" : resource + ": ")
                + (field.isEmpty() ? "" : field + ": ") + message + ". Fix: " + fix + ".";
    }
}
