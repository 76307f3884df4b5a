package io.mirrordrill.engine.model.validation;

import io.mirrordrill.engine.Memo;
import io.mirrordrill.engine.model.yaml.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Remembers the problems of recently validated files. Drills share resource files (the seed's Snapshot file is
 * applied in 37 built-in drills), and a command that reads many drills ({@code drill list}, {@code drill validate
 * DIR}, a test of every drill) validated each copy again. The key is all that validation reads: each document's
 * source, position, line map and tree, copied so that a caller changing its trees later cannot change a key. A hit
 * is therefore the answer validation would give (a memo of a pure function).
 */
final class DocumentsMemo {
    private final Memo<List<Document>, List<Problem>> recent = new Memo<>(256);

    /** The problems of {@code documents}, as a new list the caller may change. */
    List<Problem> get(List<Document> documents, Function<List<Document>, List<Problem>> validate) {
        List<Problem> known = recent.known(documents);
        if (known == null) {
            known = List.copyOf(validate.apply(documents));
            List<Document> key = new ArrayList<>(documents.size());
            for (Document d : documents) {
                key.add(new Document(d.source(), d.index(), d.line(), d.tree().deepCopy(), d.lines()));
            }
            recent.remember(List.copyOf(key), known);
        }
        return new ArrayList<>(known);
    }
}
