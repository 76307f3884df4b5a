package io.mirrordrill.engine.model.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML into Jackson trees through SnakeYAML's composer rather than Jackson's YAML parser: the composer
 * enforces the {@link LoaderOptions} limits, resolves anchors on scalars too (Jackson's parser reports an alias as
 * the anchor's name) and applies merge keys; each node keeps its line. Scalars resolve as YAML 1.1, like kubectl:
 * {@code yes} is true, {@code 017} is 15, timestamps stay strings.
 */
final class YamlTreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> TRUE = Set.of("true", "yes", "on");
    private static final String LIMIT_FIX = "split the file, or write repeated content out instead of using aliases";

    private final String source;
    private final YamlLimits limits;
    private int nodes;

    YamlTreeReader(String source, YamlLimits limits) {
        this.source = source;
        this.limits = limits;
    }

    List<Document> read(Reader input) {
        LoaderOptions options = limits.loaderOptions();
        StreamReader stream = new StreamReader(new BoundedReader(input, limits.maxChars()));
        Composer composer = new Composer(new ParserImpl(stream, options), new Resolver(), options);
        List<Document> documents = new ArrayList<>();
        try {
            while (composer.checkNode()) {
                Node root = composer.getNode();
                if (isEmpty(root)) {
                    continue; // "---" with nothing after it, as kubectl skips
                }
                if (documents.size() == limits.maxDocuments()) {
                    throw error(root, "more than " + limits.maxDocuments() + " documents", LIMIT_FIX);
                }
                if (!(root instanceof MappingNode)) {
                    throw error(root, "the document is not a mapping",
                            "write a resource as a mapping with apiVersion, kind, metadata and spec");
                }
                nodes = 0;
                Map<String, Integer> lines = new LinkedHashMap<>();
                JsonNode tree = convert(root, "", lines, new IdentityHashMap<>());
                documents.add(new Document(source, documents.size(), line(root), (ObjectNode) tree, lines));
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new YamlException(source, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, "malformed YAML: " + problem,
                    "correct the YAML syntax at that line (indentation, a missing ':' or an unclosed quote)");
        } catch (YAMLException e) {
            if (e.getCause() instanceof TooLargeException) {
                throw new YamlException(source, 0, 0, "the input is larger than " + limits.maxChars()
                        + " characters", "split it into smaller files");
            }
            // Limits (aliases, depth, code points) carry no mark: the reader's position is where it stopped.
            throw new YamlException(source, stream.getLine() + 1, 0, "refused: " + e.getMessage(), LIMIT_FIX);
        }
        return documents;
    }

    private JsonNode convert(Node node, String path, Map<String, Integer> lines, IdentityHashMap<Node, Node> open) {
        if (++nodes > limits.maxNodes()) {
            throw error(node, "the document expands to more than " + limits.maxNodes() + " nodes", LIMIT_FIX);
        }
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (open.put(node, node) != null) {
            throw error(node, "an alias refers to a node that contains it (a recursive structure)",
                    "remove the recursive alias: a Kubernetes resource is a tree");
        }
        JsonNode result;
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = path + "[" + i + "]";
                lines.putIfAbsent(itemPath, line(items.get(i)));
                array.add(convert(items.get(i), itemPath, lines, open));
            }
            result = array;
        } else {
            result = mapping((MappingNode) node, path, lines, open);
        }
        open.remove(node);
        return result;
    }

    private ObjectNode mapping(MappingNode node, String path, Map<String, Integer> lines,
            IdentityHashMap<Node, Node> open) {
        ObjectNode object = NODES.objectNode();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), "a mapping key is itself a mapping or sequence",
                        "use plain text keys");
            }
            String name = key.getValue();
            Integer first = seen.putIfAbsent(name, line(key));
            if (first != null) {
                throw error(key, "duplicate key \"" + name + "\" (first at line " + first + ")",
                        "keep one \"" + name + "\": kubectl refuses duplicate keys too");
            }
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            lines.putIfAbsent(fieldPath, line(key));
            object.set(name, convert(tuple.getValueNode(), fieldPath, lines, open));
        }
        return object;
    }

    private JsonNode scalar(ScalarNode node) {
        Tag tag = node.getTag();
        String value = node.getValue();
        if (tag.equals(Tag.NULL)) {
            return NODES.nullNode();
        } else if (tag.equals(Tag.BOOL)) {
            return NODES.booleanNode(TRUE.contains(value.toLowerCase(Locale.ROOT)));
        } else if (tag.equals(Tag.INT)) {
            return integer(node);
        } else if (tag.equals(Tag.FLOAT)) {
            return floating(value);
        } else if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) {
            return NODES.textNode(value);
        }
        throw error(node, "YAML tag " + tag + " is not supported", "remove the tag; Kubernetes resources hold plain"
                + " strings, numbers and booleans");
    }

    /** YAML 1.1 integers: underscores, 0b binary, 0x hex, leading-0 octal, and base-60 (1:30). */
    private JsonNode integer(ScalarNode node) {
        String text = node.getValue().replace("_", "");
        boolean negative = text.startsWith("-");
        if (text.startsWith("-") || text.startsWith("+")) {
            text = text.substring(1);
        }
        BigInteger value;
        try {
            value = parseInteger(text);
        } catch (NumberFormatException e) {
            return NODES.textNode(node.getValue()); // the resolver said int, the digits disagree: keep the text
        }
        value = negative ? value.negate() : value;
        return value.bitLength() < 32 ? NODES.numberNode(value.intValue())
                : value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
    }

    private static BigInteger parseInteger(String text) {
        if (text.contains(":")) {
            BigInteger value = BigInteger.ZERO;
            for (String digit : text.split(":")) {
                value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(digit));
            }
            return value;
        } else if (text.startsWith("0b")) {
            return new BigInteger(text.substring(2), 2);
        } else if (text.startsWith("0x")) {
            return new BigInteger(text.substring(2), 16);
        } else if (text.length() > 1 && text.startsWith("0")) {
            return new BigInteger(text.substring(1), 8);
        }
        return new BigInteger(text);
    }

    private static JsonNode floating(String raw) {
        String text = raw.replace("_", "").toLowerCase(Locale.ROOT);
        return switch (text) {
            case ".inf", "+.inf" -> NODES.numberNode(Double.POSITIVE_INFINITY);
            case "-.inf" -> NODES.numberNode(Double.NEGATIVE_INFINITY);
            case ".nan" -> NODES.numberNode(Double.NaN);
            default -> parseDouble(raw, text);
        };
    }

    /** Base-60 floats (1:30.5) and oddities the resolver accepts but Java does not stay text. */
    private static JsonNode parseDouble(String raw, String text) {
        try {
            return text.contains(":") ? NODES.textNode(raw) : NODES.numberNode(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return NODES.textNode(raw);
        }
    }

    private static boolean isEmpty(Node root) {
        return root instanceof ScalarNode scalar && (scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank());
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private YamlException error(Node node, String reason, String fix) {
        Mark mark = node.getStartMark();
        return new YamlException(source, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                reason, fix);
    }

    /** Refuses input past the limit before it is buffered, whatever the stream's real length. */
    private static final class BoundedReader extends FilterReader {
        private final long max;
        private long count;

        BoundedReader(Reader in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0 && ++count > max) {
                throw new TooLargeException();
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (count += n) > max) {
                throw new TooLargeException();
            }
            return n;
        }
    }

    private static final class TooLargeException extends IOException {
        TooLargeException() {
            super("input too large");
        }
    }
}
