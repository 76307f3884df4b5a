package io.mirrordrill.engine.restore;

import io.mirrordrill.port.MirrordrillException;

/**
 * A JSON Patch operation that cannot be applied; the document it was applied to is unchanged.
 *
 * @see JsonPatch
 */
public class PatchException extends MirrordrillException {
    private final int index;
    private final String op;
    private final String path;
    private final String member;
    private final String reason;
    private final String fix;

    PatchException(int index, String op, String path, String member, String reason, String fix) {
        super("operation " + index + " (" + op + " " + path + "): " + reason + ". Fix: " + fix);
        this.index = index;
        this.op = op;
        this.path = path;
        this.member = member;
        this.reason = reason;
        this.fix = fix;
    }

    /** 0-based position of the operation in the patch. */
    public int index() {
        return index;
    }

    public String op() {
        return op;
    }

    public String path() {
        return path;
    }

    /** The operation's member at fault ({@code op}, {@code path}, {@code from}, {@code value}); "" for the document. */
    public String member() {
        return member;
    }

    public String reason() {
        return reason;
    }

    public String fix() {
        return fix;
    }
}
