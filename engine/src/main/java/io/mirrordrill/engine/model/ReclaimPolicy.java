package io.mirrordrill.engine.model;

import java.util.Optional;

/** {@code Snapshot.spec.reclaimPolicy}: what happens to the archive when the CR is deleted. Default Retain. */
public enum ReclaimPolicy implements NamedValue {
    RETAIN("Retain"),
    DELETE("Delete");

    private final String value;

    ReclaimPolicy(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static Optional<ReclaimPolicy> parse(String raw) {
        return NamedValue.exact(ReclaimPolicy.class, raw);
    }
}
