package io.mirrordrill.engine.model;

import java.util.Optional;

/** {@code status.state} of Snapshot and ShutdownSnapshot, as observed on Trident protect. */
public enum SnapshotState implements NamedValue {
    RUNNING("Running"),
    COMPLETED("Completed"),
    FAILED("Failed");

    private final String value;

    SnapshotState(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static Optional<SnapshotState> parse(String raw) {
        return NamedValue.exact(SnapshotState.class, raw);
    }
}
