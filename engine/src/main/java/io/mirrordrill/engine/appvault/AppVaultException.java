package io.mirrordrill.engine.appvault;

import io.mirrordrill.port.MirrordrillException;

/**
 * An AppVault that cannot be used as it stands: what is wrong, the condition {@link #reason()} it is reported under,
 * and the fix. Messages name Secrets, keys and fields, never a credential value.
 */
public class AppVaultException extends MirrordrillException {
    private final String reason;
    private final String problem;
    private final String fix;

    public AppVaultException(String reason, String problem, String fix) {
        super(problem + ". Fix: " + fix);
        this.reason = reason;
        this.problem = problem;
        this.fix = fix;
    }

    /** The Ready condition's reason, e.g. {@code SecretNotFound}. */
    public String reason() {
        return reason;
    }

    /** What is wrong, without the fix. */
    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }
}
