package io.mirrordrill.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for the model's records. Insertion order is kept (it is the file's order, so output is
 * deterministic); {@code null} stays {@code null} for lists and maps that mean "absent", so a round trip does not
 * turn an absent field into an empty one.
 */
final class Frozen {
    private Frozen() {
    }

    /** Unknown fields: absent and empty are the same (nothing is written either way). */
    static Map<String, Object> unknown(Map<String, Object> fields) {
        return fields == null || fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static <V> Map<String, V> map(Map<String, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
