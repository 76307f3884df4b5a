package io.mirrordrill.engine.snapshot;

import java.util.Arrays;
import java.util.Optional;

/** The steps of a snapshot, by the name {@code status.step} shows while one is under way. */
public enum Step {
    PRE_HOOKS("PreHooks"),
    CAPTURE("CaptureResources"),
    STOP_APPLICATION("StopApplication"),
    VOLUME_SNAPSHOTS("VolumeSnapshots"),
    POST_HOOKS("PostHooks"),
    ARCHIVE("WriteArchive");

    private final String value;

    Step(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Step> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
