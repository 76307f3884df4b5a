package io.mirrordrill.port.ontap;

/** SnapMirror transfer {@code state}. */
public enum TransferState {
    QUEUED, TRANSFERRING, SUCCESS, FAILED, ABORTED, HARD_ABORTED;

    public String rest() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isRunning() {
        return this == QUEUED || this == TRANSFERRING;
    }
}
