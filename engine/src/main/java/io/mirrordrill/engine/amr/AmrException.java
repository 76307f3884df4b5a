package io.mirrordrill.engine.amr;

import io.mirrordrill.engine.controller.Actionable;
import io.mirrordrill.port.MirrordrillException;

/**
 * Something about an AppMirrorRelationship that a person must fix: the message says what and how. {@code permanent}
 * problems (a spec that can never work) fail the relationship; others are waited out.
 */
public class AmrException extends MirrordrillException implements Actionable {
    private final String reason;
    private final boolean permanent;

    public AmrException(String reason, String message, boolean permanent) {
        super(message);
        this.reason = reason;
        this.permanent = permanent;
    }

    /** A CamelCase reason for the status condition, e.g. {@code AppVaultNotFound}. */
    @Override
    public String reason() {
        return reason;
    }

    @Override
    public boolean permanent() {
        return permanent;
    }
}
