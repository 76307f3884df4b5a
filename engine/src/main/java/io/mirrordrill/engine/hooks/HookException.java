package io.mirrordrill.engine.hooks;

import io.mirrordrill.engine.controller.Actionable;
import io.mirrordrill.port.MirrordrillException;

/** An ExecHook that cannot run as written (it does not bind or breaks a rule): the message names the field and fix. */
public class HookException extends MirrordrillException implements Actionable {
    public static final String REASON = "InvalidExecHook";

    public HookException(String message) {
        super(message);
    }

    @Override
    public String reason() {
        return REASON;
    }

    @Override
    public boolean permanent() {
        return true;
    }
}
