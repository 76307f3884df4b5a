package io.mirrordrill.engine.model;

import java.util.Optional;

/** {@code AppMirrorRelationship.spec.desiredState}: what the user asks for. Exact spelling, as Kubernetes enums. */
public enum DesiredState implements NamedValue {
    ESTABLISHED("Established"),
    PROMOTED("Promoted");

    private final String value;

    DesiredState(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static Optional<DesiredState> parse(String raw) {
        return NamedValue.exact(DesiredState.class, raw);
    }
}
