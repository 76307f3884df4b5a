package io.mirrordrill.engine.model.validation;

import io.mirrordrill.engine.model.yaml.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers the problems of recently validated files. Drills share resource files (the seed's Snapshot file is
 * applied in 37 built-in drills), and a command that reads many drills ({@code drill list}, {@code drill validate
 * DIR}, a test of every drill) validated each copy again. The key is all that validation reads: each document's
 * source, position, line map and tree, copied so that a caller changing its trees later cannot change a key. A hit
 * is therefore the answer validation would give (a memo of a pure function). Bounded, least recently used first out.
 */
final class DocumentsMemo {
    private static final int SIZE = 256;

    private final Map<List<Document>, List<Problem>> recent = new LinkedHashMap<>(SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Document>, List<Problem>> eldest) {
            return size() > SIZE;
        }
    };

    /** The problems of {@code documents}, as a new list the caller may change. */
    List<Problem> get(List<Document> documents, Function<List<Document>, List<Problem>> validate) {
        List<Problem> known;
        synchronized (this) {
            known = recent.get(documents);
        }
        if (known == null) {
            known = List.copyOf(validate.apply(documents));
            List<Document> key = new ArrayList<>(documents.size());
            for (Document d : documents) {
                key.add(new Document(d.source(), d.index(), d.line(), d.tree().deepCopy(), d.lines()));
            }
            synchronized (this) {
                recent.put(List.copyOf(key), known);
            }
        }
        return new ArrayList<>(known);
    }
}
