package io.mirrordrill.engine.model.schedule;

import io.mirrordrill.port.MirrordrillException;

/** A recurrence rule or schedule field that cannot be used, with what was wrong and how to fix it. */
public class RecurrenceException extends MirrordrillException {
    private final String reason;
    private final String fix;

    public RecurrenceException(String reason, String fix) {
        super(reason + ". Fix: " + fix);
        this.reason = reason;
        this.fix = fix;
    }

    public String reason() {
        return reason;
    }

    public String fix() {
        return fix;
    }
}
