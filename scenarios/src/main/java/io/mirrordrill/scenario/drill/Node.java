package io.mirrordrill.scenario.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mirrordrill.engine.model.yaml.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A position in a parsed drill file: the YAML node, its field path and the file's line table. Reading a field that
 * is missing or of the wrong type adds a {@link Problem} (never throws) and returns a harmless default, so one pass
 * reports every problem of the file.
 */
final class Node {
    private final Document document;
    private final JsonNode node;
    private final String path;
    private final List<Problem> problems;

    Node(Document document, JsonNode node, String path, List<Problem> problems) {
        this.document = document;
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    static Node root(Document document, List<Problem> problems) {
        return new Node(document, document.tree(), "", problems);
    }

    /** The root of another file a field names (a tridentctl backend file): its problems join this file's. */
    Node rootOf(Document other) {
        return root(other, problems);
    }

    String path() {
        return path;
    }

    String source() {
        return document.source();
    }

    int line() {
        return document.lineOf(path);
    }

    JsonNode json() {
        return node;
    }

    boolean isMissing() {
        return node.isMissingNode() || node.isNull();
    }

    boolean isObject() {
        return node.isObject();
    }

    boolean isText() {
        return node.isValueNode();
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    Node get(String key) {
        JsonNode child = node.isObject() && node.has(key) ? node.get(key) : MissingNode.getInstance();
        return new Node(document, child, path.isEmpty() ? key : path + "." + key, problems);
    }

    void problem(String reason, String fix) {
        problems.add(new Problem(document.source(), line(), path, reason, fix));
    }

    /** Adds a problem at a child field (it need not exist: the line is then the nearest present parent's). */
    void problem(String key, String reason, String fix) {
        get(key).problem(reason, fix);
    }

    /** The keys of this mapping, in file order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Complains about every key not in {@code allowed} (a misspelt field must not be silently ignored). */
    Node allowOnly(Set<String> allowed) {
        if (!node.isObject()) {
            return this;
        }
        for (String key : keys()) {
            if (!allowed.contains(key)) {
                get(key).problem("unknown field \"" + key + "\"", "use one of " + new TreeSet<>(allowed));
            }
        }
        return this;
    }

    Node requireObject(String what) {
        if (!node.isObject()) {
            problem(isMissing() ? what + " is missing" : "expected a mapping (" + what + ")",
                    "write " + what + " as a mapping of fields");
        }
        return this;
    }

    String text(String key) {
        return text(key, null, true);
    }

    Optional<String> optionalText(String key) {
        return has(key) ? Optional.ofNullable(text(key, null, true)) : Optional.empty();
    }

    String text(String key, String otherwise, boolean required) {
        Node child = get(key);
        if (child.isMissing()) {
            if (required) {
                child.problem("required field \"" + key + "\" is missing", "add " + key + ": <value>");
            }
            return otherwise;
        }
        if (!child.node.isValueNode()) {
            child.problem("expected a single value", "write " + key + " as text, e.g. " + key + ": value");
            return otherwise;
        }
        return child.node.asText();
    }

    boolean bool(String key, boolean otherwise) {
        Node child = get(key);
        if (child.isMissing()) {
            return otherwise;
        }
        if (!child.node.isBoolean()) {
            child.problem("expected true or false", "write " + key + ": true or " + key + ": false");
            return otherwise;
        }
        return child.node.asBoolean();
    }

    long number(String key, long otherwise) {
        Node child = get(key);
        if (child.isMissing()) {
            return otherwise;
        }
        if (!child.node.canConvertToLong() || !child.node.isIntegralNumber()) {
            child.problem("expected a whole number, not \"" + child.node.asText() + "\"", "write a number such as 7");
            return otherwise;
        }
        return child.node.asLong();
    }

    /** A duration of at most {@link Units#MAX_DURATION}; a longer one is a problem that says the maximum. */
    Duration duration(String key, Duration otherwise, boolean required) {
        String raw = text(key, null, required);
        if (raw == null) {
            return otherwise;
        }
        Optional<Duration> value = Units.duration(raw);
        if (value.isEmpty() && Units.looksLikeDuration(raw) || value.isPresent()
                && value.get().compareTo(Units.MAX_DURATION) > 0) {
            get(key).problem("\"" + abbreviated(raw) + "\" is longer than the maximum of " + Units.format(
                    Units.MAX_DURATION) + " (365d)", "write a duration of at most 365d, e.g. 24h");
            return otherwise;
        }
        if (value.isEmpty()) {
            get(key).problem("\"" + abbreviated(raw) + "\" is not a duration",
                    "write a duration such as 30s, 5m, 1h30m or 250ms");
            return otherwise;
        }
        return value.get();
    }

    /** A value as messages quote it: long ones cut, so one bad field cannot flood the report. */
    static String abbreviated(String raw) {
        return raw.length() <= 80 ? raw : raw.substring(0, 60) + "... (" + raw.length() + " characters)";
    }

    <T> T parsed(String key, T otherwise, boolean required, Function<String, Optional<T>> parse, String what,
                 String fix) {
        String raw = text(key, null, required);
        if (raw == null) {
            return otherwise;
        }
        Optional<T> value = parse.apply(raw);
        if (value.isEmpty()) {
            get(key).problem("\"" + raw + "\" is not " + what, fix);
            return otherwise;
        }
        return value.get();
    }

    /** The items of a list field; a single value counts as a list of one. Missing: empty. */
    List<Node> list(String key) {
        Node child = get(key);
        List<Node> items = new ArrayList<>();
        if (child.isMissing()) {
            return items;
        }
        if (!child.node.isArray()) {
            items.add(child);
            return items;
        }
        for (int i = 0; i < child.node.size(); i++) {
            items.add(new Node(document, child.node.get(i), child.path + "[" + i + "]", problems));
        }
        return items;
    }

    List<String> texts(String key) {
        List<String> out = new ArrayList<>();
        for (Node item : list(key)) {
            if (!item.node.isValueNode()) {
                item.problem("expected a single value", "write each item of " + key + " as text");
            } else {
                out.add(item.node.asText());
            }
        }
        return out;
    }

    /** A mapping of text to text, in file order. */
    Map<String, String> textMap(String key) {
        Node child = get(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (child.isMissing()) {
            return out;
        }
        if (!child.node.isObject()) {
            child.problem("expected a mapping of names to values", "write " + key + ": {name: value}");
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = child.node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                child.get(e.getKey()).problem("expected a single value", "quote the value");
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }
}
