package io.mirrordrill.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Defensive copies for the model's records. {@code null} stays {@code null} for lists and maps that mean "absent",
 * so a round trip does not turn an absent field into an empty one.
 */
final class Frozen {
    private Frozen() {
    }

    /**
     * Unknown fields, deeply copied and sorted by key (as kubectl prints objects). Sorting is needed, not cosmetic:
     * Jackson hands a record's any-setter parameter its fields in hash order, so the file's order is already lost.
     */
    static Map<String, Object> unknown(Map<String, Object> fields) {
        return fields == null || fields.isEmpty() ? Map.of() : sortedCopy(fields);
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Known maps (providerCredentials) keep the file's order: Jackson builds them in order. */
    static <V> Map<String, V> map(Map<String, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static Map<String, Object> sortedCopy(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((key, value) -> sorted.put(String.valueOf(key), deepCopy(value)));
        return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            return sortedCopy(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(deepCopy(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
