package io.mirrordrill.engine.model.yaml;

import io.mirrordrill.engine.MirrordrillException;

/** A file that cannot be read as YAML at all: malformed, or over a {@link YamlLimits} bound. Names file and line. */
public class YamlException extends MirrordrillException {
    private final String source;
    private final int line;
    private final int column;
    private final String reason;
    private final String fix;

    public YamlException(String source, int line, int column, String reason, String fix) {
        super(source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + reason + ". Fix: "
                + fix);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
        this.fix = fix;
    }

    public String source() {
        return source;
    }

    /** 1-based; 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based; 0 when unknown. */
    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }

    public String fix() {
        return fix;
    }
}
