package io.mirrordrill.engine.model.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One YAML document of a file, as a JSON tree, with the line of every field so that problems can name it.
 * The tree is the parser's own: readers must not modify it (validation never does).
 *
 * @param source the file name (or any label) messages use
 * @param index position of the document among the file's non-empty documents, from 0
 * @param line 1-based line where the document starts
 * @param tree the document
 * @param lines field path ({@code spec.namespaceMapping[0].source}) to its 1-based line
 */
public record Document(String source, int index, int line, ObjectNode tree, Map<String, Integer> lines) {

    public Document {
        lines = Map.copyOf(lines);
    }

    /** The line of {@code path}, else of its nearest present ancestor (where a missing field belongs). */
    public int lineOf(String path) {
        String p = path;
        while (p != null && !p.isEmpty()) {
            Integer found = lines.get(p);
            if (found != null) {
                return found;
            }
            p = parent(p);
        }
        return line;
    }

    public String apiVersion() {
        return text(tree.get("apiVersion"));
    }

    public String kind() {
        return text(tree.get("kind"));
    }

    public String name() {
        return text(tree.path("metadata").get("name"));
    }

    public String namespace() {
        return text(tree.path("metadata").get("namespace"));
    }

    /** {@code Kind/namespace/name} as far as the document says, for messages. */
    public String describe() {
        String kind = kind() == null ? "<no kind>" : kind();
        String name = name() == null ? "<no name>" : name();
        return kind + "/" + (namespace() == null ? "" : namespace() + "/") + name;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? null : path.substring(0, cut);
    }
}
