package io.mirrordrill.engine.model.yaml;

import io.mirrordrill.engine.MirrordrillException;

/** A well-formed document that does not fit the model: unknown kind, or a value of the wrong shape for a field. */
public class BindingException extends MirrordrillException {
    private final String source;
    private final int line;
    private final String field;
    private final String reason;
    private final String fix;

    public BindingException(String source, int line, String field, String reason, String fix) {
        super(source + (line > 0 ? ":" + line : "") + ": " + field + ": " + reason + ". Fix: " + fix);
        this.source = source;
        this.line = line;
        this.field = field;
        this.reason = reason;
        this.fix = fix;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    /** Path of the offending field, e.g. {@code spec.timeout}. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    public String fix() {
        return fix;
    }
}
