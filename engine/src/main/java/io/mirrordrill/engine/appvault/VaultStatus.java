package io.mirrordrill.engine.appvault;

import io.mirrordrill.engine.controller.Decision;
import io.mirrordrill.engine.controller.Ready;
import io.mirrordrill.engine.model.ResourceStatus;
import io.mirrordrill.runtime.Outcome;

import java.time.Duration;

/**
 * The AppVault status a check leads to: {@code state} Available or Error, {@code error} the message when in error,
 * and the {@code Ready} condition the runtime writes (its time moving only when it flips); other conditions and
 * unknown status fields are kept as they are. An available vault is checked again every {@code recheck}; a store
 * that is down is retried with backoff; a mistake waits for a person, looked at again now and then.
 */
final class VaultStatus {
    static final String AVAILABLE = "Available";
    static final String ERROR = "Error";

    private VaultStatus() {}

    static Decision<ResourceStatus> of(ResourceStatus current, VaultCheck check, Duration recheck) {
        ResourceStatus status = new ResourceStatus(check.available() ? AVAILABLE : ERROR,
                check.available() ? null : check.message(), current == null ? null : current.conditions(),
                current == null ? null : current.unknownFields());
        Ready ready = new Ready(check.available(), check.reason(), check.message(), false);
        Outcome then = check.transientFailure() ? Outcome.failed(check.message()) : Outcome.requeueAfter(recheck);
        return new Decision<>(status, ready, then);
    }
}
