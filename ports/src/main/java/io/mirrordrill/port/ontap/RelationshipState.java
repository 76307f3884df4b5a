package io.mirrordrill.port.ontap;

/** SnapMirror relationship {@code state} (the async ones; sync states are not emulated). */
public enum RelationshipState {
    UNINITIALIZED, SNAPMIRRORED, PAUSED, BROKEN_OFF;

    public String rest() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RelationshipState fromRest(String value) {
        for (RelationshipState s : values()) {
            if (s.rest().equals(value)) {
                return s;
            }
        }
        throw new OntapException(400, OntapErrors.INVALID_VALUE, "\"" + value + "\" is an invalid value for field"
                + " \"state\"", "state");
    }
}
