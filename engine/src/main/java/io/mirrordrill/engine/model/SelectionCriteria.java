package io.mirrordrill.engine.model;

import java.util.Optional;

/** {@code resourceFilter.resourceSelectionCriteria}: keep or drop what the matchers match. */
public enum SelectionCriteria implements NamedValue {
    INCLUDE("Include"),
    EXCLUDE("Exclude");

    private final String value;

    SelectionCriteria(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static Optional<SelectionCriteria> parse(String raw) {
        return NamedValue.exact(SelectionCriteria.class, raw);
    }
}
