package io.mirrordrill.engine.model.yaml;

import io.mirrordrill.engine.InputException;

/** A well-formed document that does not fit the model: unknown kind, or a value of the wrong shape for a field. */
public class BindingException extends InputException {
    private final String field;

    public BindingException(String source, int line, String field, String reason, String fix) {
        super(source + (line > 0 ? ":" + line : "") + ": " + field + ": " + reason + ". Fix: " + fix, source, line,
                reason, fix);
        this.field = field;
    }

    /** Path of the offending field, e.g. {@code spec.timeout}. */
    public String field() {
        return field;
    }
}
