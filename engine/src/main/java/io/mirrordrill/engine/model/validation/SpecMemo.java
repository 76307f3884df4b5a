package io.mirrordrill.engine.model.validation;

import io.mirrordrill.engine.Memo;
import io.mirrordrill.engine.model.ProtectResource;

import java.util.List;
import java.util.function.Function;

/**
 * Remembers the problems of recently validated specs. Controllers validate the same unchanged spec on every
 * reconcile, and validation (a tree conversion and a schema walk) costs far more than hashing the spec. The key is
 * the whole content validation reads, so a hit is the answer validation would give: this is a memo of a pure
 * function, safe across engines and worlds.
 */
final class SpecMemo {
    private final Memo<ProtectResource<?, ?>, List<Problem>> recent = new Memo<>(4096);

    List<Problem> get(ProtectResource<?, ?> key, Function<ProtectResource<?, ?>, List<Problem>> validate) {
        return recent.get(key, k -> List.copyOf(validate.apply(k)));
    }
}
