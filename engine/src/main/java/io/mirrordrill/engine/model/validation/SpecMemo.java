package io.mirrordrill.engine.model.validation;

import io.mirrordrill.engine.model.ProtectResource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers the problems of recently validated specs. Controllers validate the same unchanged spec on every
 * reconcile, and validation (a tree conversion and a schema walk) costs far more than hashing the spec. The key is
 * the whole content validation reads, so a hit is the answer validation would give: this is a memo of a pure
 * function, safe across engines and worlds. Bounded, least recently used first out.
 */
final class SpecMemo {
    private static final int SIZE = 4096;

    private final Map<ProtectResource<?, ?>, List<Problem>> recent = new LinkedHashMap<>(SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ProtectResource<?, ?>, List<Problem>> eldest) {
            return size() > SIZE;
        }
    };

    synchronized List<Problem> get(ProtectResource<?, ?> key, Function<ProtectResource<?, ?>, List<Problem>> validate) {
        List<Problem> known = recent.get(key);
        if (known == null) {
            known = List.copyOf(validate.apply(key));
            recent.put(key, known);
        }
        return known;
    }
}
