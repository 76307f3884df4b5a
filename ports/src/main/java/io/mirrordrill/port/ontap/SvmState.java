package io.mirrordrill.port.ontap;

/** SVM {@code state}. */
public enum SvmState {
    STARTING, RUNNING, STOPPING, STOPPED;

    public String rest() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
