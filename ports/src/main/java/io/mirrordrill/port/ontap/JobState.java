package io.mirrordrill.port.ontap;

/** {@code /api/cluster/jobs} {@code state}. */
public enum JobState {
    QUEUED, RUNNING, PAUSED, SUCCESS, FAILURE;

    public String rest() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isDone() {
        return this == SUCCESS || this == FAILURE;
    }
}
