package io.mirrordrill.engine.model;

import java.util.Optional;

/** {@code AppMirrorRelationship.status.state}: where the relationship is. */
public enum MirrorState implements NamedValue {
    ESTABLISHING("Establishing"),
    ESTABLISHED("Established"),
    PROMOTING("Promoting"),
    PROMOTED("Promoted"),
    FAILED("Failed");

    private final String value;

    MirrorState(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static Optional<MirrorState> parse(String raw) {
        return NamedValue.exact(MirrorState.class, raw);
    }
}
