package io.mirrordrill.port.ontap;

/** SVM {@code subtype}; set at creation, changed only by a SnapMirror break of SVM-DR. */
public enum SvmSubtype {
    DEFAULT, DP_DESTINATION;

    /** The REST spelling: {@code default}, {@code dp_destination}. */
    public String rest() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
