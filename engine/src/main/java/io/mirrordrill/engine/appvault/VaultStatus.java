package io.mirrordrill.engine.appvault;

import io.mirrordrill.engine.model.Condition;
import io.mirrordrill.engine.model.ResourceStatus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The AppVault status a check leads to: {@code state} Available or Error, {@code error} the message when in error,
 * and a {@code Ready} condition. As in Kubernetes, {@code lastTransitionTime} moves only when the condition's status
 * flips; other conditions and unknown status fields are kept as they are.
 */
final class VaultStatus {
    static final String READY = "Ready";
    static final String AVAILABLE = "Available";
    static final String ERROR = "Error";

    private VaultStatus() {}

    static ResourceStatus next(ResourceStatus current, VaultCheck check, Long generation, Instant now) {
        String status = check.available() ? "True" : "False";
        List<Condition> conditions = new ArrayList<>(current == null || current.conditions() == null
                ? List.of() : current.conditions());
        int at = -1;
        for (int i = 0; i < conditions.size(); i++) {
            at = READY.equals(conditions.get(i).type()) ? i : at;
        }
        Condition previous = at < 0 ? null : conditions.get(at);
        Instant since = previous != null && status.equals(previous.status()) && previous.lastTransitionTime() != null
                ? previous.lastTransitionTime() : now.truncatedTo(ChronoUnit.SECONDS); // metav1.Time: seconds
        Condition ready = new Condition(READY, status, check.reason(), check.message(), since, generation,
                previous == null ? null : previous.unknownFields());
        if (at < 0) {
            conditions.add(ready);
        } else {
            conditions.set(at, ready);
        }
        return new ResourceStatus(check.available() ? AVAILABLE : ERROR, check.available() ? null : check.message(),
                conditions, current == null ? null : current.unknownFields());
    }
}
