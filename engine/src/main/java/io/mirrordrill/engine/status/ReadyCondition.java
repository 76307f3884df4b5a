package io.mirrordrill.engine.status;

import io.mirrordrill.engine.model.Condition;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Ready} condition of a status, kept as Kubernetes keeps conditions: {@code lastTransitionTime} (to the
 * second, as metav1.Time) moves only when the condition's status flips; other conditions stay as they are.
 */
public final class ReadyCondition {
    public static final String TYPE = "Ready";

    private ReadyCondition() {}

    /** The conditions with {@code Ready} set to {@code ready} for the reason and message given. */
    public static List<Condition> set(List<Condition> current, boolean ready, String reason, String message,
                                      Long generation, Instant now) {
        return set(current, ready, reason, message, generation, now, false);
    }

    /** As {@link #set}; with {@code restart} the time moves even without a flip (the resource entered a new state). */
    public static List<Condition> set(List<Condition> current, boolean ready, String reason, String message,
                                      Long generation, Instant now, boolean restart) {
        String status = ready ? "True" : "False";
        List<Condition> conditions = new ArrayList<>(current == null ? List.of() : current);
        Optional<Condition> previous = of(conditions);
        Instant since = previous.filter(p -> !restart && status.equals(p.status()) && p.lastTransitionTime() != null)
                .map(Condition::lastTransitionTime).orElse(now.truncatedTo(ChronoUnit.SECONDS));
        Condition next = new Condition(TYPE, status, reason, message, since, generation,
                previous.map(Condition::unknownFields).orElse(null));
        previous.ifPresentOrElse(p -> conditions.set(conditions.indexOf(p), next), () -> conditions.add(next));
        return conditions;
    }

    public static Optional<Condition> of(List<Condition> conditions) {
        return conditions == null ? Optional.empty()
                : conditions.stream().filter(c -> TYPE.equals(c.type())).findFirst();
    }

    /** Since when the resource has been ready; empty while it is not. */
    public static Optional<Instant> readySince(List<Condition> conditions) {
        return of(conditions).filter(c -> "True".equals(c.status())).map(Condition::lastTransitionTime);
    }
}
