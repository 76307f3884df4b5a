package io.mirrordrill.engine.model.yaml;

import io.mirrordrill.engine.Memo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Recently parsed YAML texts: parsing is a pure function of the source name, the text and the limits, and drills
 * apply the same resource files in every run (fuzzing, hundreds of times a minute), where YAML parsing costs far more
 * than copying the trees. Callers get copies: documents' trees are mutable.
 */
final class ParsedTexts {
    private static final int MAX_TEXT = 1 << 20;

    private record Key(String source, String text, YamlLimits limits) {}

    private final Memo<Key, List<Document>> recent = new Memo<>(256);

    List<Document> get(String source, String text, YamlLimits limits, Supplier<List<Document>> parse) {
        if (text.length() > MAX_TEXT) {
            return parse.get();
        }
        return copies(recent.get(new Key(source, text, limits), k -> parse.get()));
    }

    private static List<Document> copies(List<Document> documents) {
        List<Document> out = new ArrayList<>(documents.size());
        for (Document d : documents) {
            out.add(new Document(d.source(), d.index(), d.line(), d.tree().deepCopy(), d.lines()));
        }
        return out;
    }
}
