package io.mirrordrill.engine;

import io.mirrordrill.port.MirrordrillException;

/**
 * Bad input from a person: a file that cannot be read, a field that is wrong. It names the file, the line (0 when
 * unknown), what is wrong and the fix; nothing has been changed when it is thrown. The CLI maps it to exit code 2.
 */
public class InputException extends MirrordrillException {
    private final String source;
    private final int line;
    private final String reason;
    private final String fix;

    protected InputException(String message, String source, int line, String reason, String fix) {
        super(message);
        this.source = source;
        this.line = line;
        this.reason = reason;
        this.fix = fix;
    }

    public InputException(String source, int line, String reason, String fix) {
        this(source + (line > 0 ? ":" + line : "") + ": " + reason + ". Fix: " + fix, source, line, reason, fix);
    }

    /** The file (or other named input) the problem is in. */
    public String source() {
        return source;
    }

    /** 1-based; 0 when unknown. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }

    public String fix() {
        return fix;
    }
}
