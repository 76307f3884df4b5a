package io.mirrordrill.runtime.statemachine;

import io.mirrordrill.port.MirrordrillException;

/** An action the lifecycle has no row for from the current state; the message carries the subject's history. */
public final class InvalidTransitionException extends MirrordrillException {
    public InvalidTransitionException(String message) {
        super(message);
    }
}
