package io.mirrordrill.engine.amr;

/** {@code status.state} of an AppMirrorRelationship. */
public enum AmrState {
    ESTABLISHING("Establishing"),
    ESTABLISHED("Established"),
    PROMOTING("Promoting"),
    PROMOTED("Promoted"),
    FAILED("Failed");

    private final String text;

    AmrState(String text) {
        this.text = text;
    }

    /** The spelling in the resource. */
    public String text() {
        return text;
    }

    public static AmrState parse(String text) {
        for (AmrState s : values()) {
            if (s.text.equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown AppMirrorRelationship state \"" + text + "\"");
    }
}
