package io.mirrordrill.port.ontap;

/** Volume {@code type}: read-write, data protection (SnapMirror destination, read-only), load sharing. */
public enum VolumeType {
    RW, DP, LS;

    public String rest() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
