package io.mirrordrill.engine.restore;

import java.util.Locale;

/**
 * What the merge did with one label or annotation key of a destination namespace, for reports.
 *
 * @param source the source namespace's value, null when it has none
 * @param before the destination's value before the restore, null when it had none
 * @param after the destination's value after the restore, null when it has none
 */
public record MetadataDecision(String namespace, Field field, String key, Action action, String source,
        String before, String after) {
    public enum Field {
        ANNOTATION, LABEL;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Action {
        /** Only on the source: copied. */
        ADDED,
        /** On both with different values: the source value wins. */
        OVERWRITTEN,
        /** On both with the same value. */
        UNCHANGED,
        /** Only on the destination: stays. */
        KEPT,
        /** In a skip list: the destination's value (or its absence) stays. */
        SKIPPED,
        /** A {@code name} label holding the source namespace's name: set to the destination namespace's name. */
        RENAMED
    }

    @Override
    public String toString() {
        String what = "Namespace " + namespace + ": " + field.word() + " " + key + ": "
                + action.name().toLowerCase(Locale.ROOT);
        return switch (action) {
            case ADDED -> what + " " + Names.quote(after);
            case OVERWRITTEN -> what + " " + Names.quote(before) + " -> " + Names.quote(after);
            case RENAMED -> what + " " + Names.quote(source) + " -> " + Names.quote(after);
            case UNCHANGED, KEPT -> what + " " + Names.quote(after);
            case SKIPPED -> what + (after == null ? " (absent, not added)" : " " + Names.quote(after) + " (kept)");
        };
    }
}
