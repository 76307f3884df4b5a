package io.mirrordrill.engine.model.yaml;

import io.mirrordrill.engine.InputException;

/** A file that cannot be read as YAML at all: malformed, or over a {@link YamlLimits} bound. Names file and line. */
public class YamlException extends InputException {
    private final int column;

    public YamlException(String source, int line, int column, String reason, String fix) {
        super(source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + reason + ". Fix: "
                + fix, source, line, reason, fix);
        this.column = column;
    }

    /** 1-based; 0 when unknown. */
    public int column() {
        return column;
    }
}
