package io.mirrordrill.engine.model.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/** Collects the problems of one resource; knows its file, its name and where each field's line is. */
final class Findings {
    private final String source;
    private final String resource;
    private final ToIntFunction<String> lineOf;
    private final List<Problem> problems = new ArrayList<>();

    Findings(String source, String resource, ToIntFunction<String> lineOf) {
        this.source = source;
        this.resource = resource;
        this.lineOf = lineOf;
    }

    void add(String field, String message, String fix) {
        problems.add(new Problem(source, lineOf.applyAsInt(field), resource, field, message, fix));
    }

    /** Adds "is missing" or "is empty" and returns false when {@code value} is absent. */
    boolean require(String field, Object value, String fix) {
        if (value == null) {
            add(field, "is missing", fix);
            return false;
        }
        if (isEmpty(value)) {
            add(field, "is empty", fix);
            return false;
        }
        return true;
    }

    List<Problem> problems() {
        return problems;
    }

    static boolean isEmpty(Object value) {
        return value instanceof String s && s.isBlank() || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }

    static String quote(String value) {
        return "\"" + value + "\"";
    }
}
