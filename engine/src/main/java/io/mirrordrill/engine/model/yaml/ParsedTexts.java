package io.mirrordrill.engine.model.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Recently parsed YAML texts: parsing is a pure function of the source name, the text and the limits, and drills
 * apply the same resource files in every run (fuzzing, hundreds of times a minute), where YAML parsing costs far more
 * than copying the trees. Callers get copies: documents' trees are mutable. Bounded, least recently used first out;
 * failures are not remembered.
 */
final class ParsedTexts {
    private static final int SIZE = 256;
    private static final int MAX_TEXT = 1 << 20;

    private record Key(String source, String text, YamlLimits limits) {}

    private final Map<Key, List<Document>> recent = new LinkedHashMap<>(SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<Document>> eldest) {
            return size() > SIZE;
        }
    };

    List<Document> get(String source, String text, YamlLimits limits, Supplier<List<Document>> parse) {
        if (text.length() > MAX_TEXT) {
            return parse.get();
        }
        Key key = new Key(source, text, limits);
        List<Document> known;
        synchronized (this) {
            known = recent.get(key);
        }
        if (known == null) {
            known = parse.get();
            synchronized (this) {
                recent.put(key, known);
            }
        }
        return copies(known);
    }

    private static List<Document> copies(List<Document> documents) {
        List<Document> out = new ArrayList<>(documents.size());
        for (Document d : documents) {
            out.add(new Document(d.source(), d.index(), d.line(), d.tree().deepCopy(), d.lines()));
        }
        return out;
    }
}
