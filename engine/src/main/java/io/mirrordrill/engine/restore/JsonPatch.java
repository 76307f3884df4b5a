package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.engine.model.JsonPatchOperation;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * RFC 6902 JSON Patch over Jackson trees: add, remove, replace, move, copy, test. All or nothing: the operations
 * apply to a copy, and the first failing one throws {@link PatchException} with its index and path.
 */
public final class JsonPatch {
    static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");
    /** RFC 6902 A.13: a member given twice makes the document invalid, so duplicates are refused when parsing. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonPatch() {
    }

    /** A patch document: a JSON array of operations. Unrecognised members of an operation are ignored (A.11). */
    public static List<JsonPatchOperation> parse(String json) {
        try {
            return Arrays.asList(STRICT.readValue(json, JsonPatchOperation[].class));
        } catch (Exception e) {
            throw new MirrordrillException("not a JSON Patch document: " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
        }
    }

    public static JsonNode apply(JsonNode document, List<JsonPatchOperation> operations) {
        JsonNode result = document.deepCopy();
        for (int i = 0; i < operations.size(); i++) {
            result = new Step(i, operations.get(i)).apply(result);
        }
        return result;
    }

    /** The operation's own mistakes (unknown op, missing or malformed path, value or from), before any document. */
    static void check(int index, JsonPatchOperation operation) {
        new Step(index, operation).tokens(operation.path(), "path");
        if (Set.of("move", "copy").contains(operation.op())) {
            new Step(index, operation).tokens(operation.from(), "from");
        }
    }

    /** One operation on one document; methods return the new document root. */
    private static final class Step {
        private final int index;
        private final JsonPatchOperation operation;

        Step(int index, JsonPatchOperation operation) {
            this.index = index;
            this.operation = operation;
            if (operation.op() == null || !OPS.contains(operation.op())) {
                throw fail("op", (operation.op() == null ? "op is missing" : "\"" + operation.op() + "\" is not an"
                        + " RFC 6902 operation"), "use add, remove, replace, move, copy or test");
            }
            if (Set.of("add", "replace", "test").contains(operation.op()) && operation.value() == null) {
                throw fail("value", "value is missing", "give the value to " + operation.op()
                        + " (null is written null)");
            }
        }

        JsonNode apply(JsonNode root) {
            List<String> path = tokens(operation.path(), "path");
            return switch (operation.op()) {
                case "add" -> add(root, path, operation.value().deepCopy());
                case "remove" -> remove(root, path);
                case "replace" -> {
                    existing(root, path, "path");
                    yield add(remove(root, path, true), path, operation.value().deepCopy());
                }
                case "move" -> move(root, tokens(operation.from(), "from"), path);
                case "copy" -> add(root, path, existing(root, tokens(operation.from(), "from"), "from").deepCopy());
                default -> test(root, path);
            };
        }

        List<String> tokens(String pointer, String field) {
            if (pointer == null) {
                throw fail(field, field + " is missing", "write a JSON Pointer such as /metadata/labels/app");
            }
            try {
                return Pointer.parse(pointer);
            } catch (IllegalArgumentException e) {
                throw fail(field, field + " \"" + pointer + "\" is not a JSON Pointer: " + e.getMessage(),
                        pointer.startsWith("/") ? "escape '~' as ~0 and '/' as ~1 in a token, e.g."
                                + " /metadata/annotations/example.com~1key" : "start it with '/', e.g. /" + pointer);
            }
        }

        private JsonNode move(JsonNode root, List<String> from, List<String> path) {
            if (from.size() < path.size() && from.equals(path.subList(0, from.size()))) {
                throw fail("cannot move " + operation.from() + " into its own child", "move it elsewhere");
            }
            JsonNode value = existing(root, from, "from");
            return from.equals(path) ? root : add(remove(root, from, false), path, value);
        }

        private JsonNode test(JsonNode root, List<String> path) {
            if (!Json.equal(existing(root, path, "path"), operation.value())) {
                throw fail("test failed: the value at " + operation.path() + " is not the expected value",
                        "correct the expected value, or restrict the operation to the resources it holds for");
            }
            return root;
        }

        private JsonNode add(JsonNode root, List<String> path, JsonNode value) {
            if (path.isEmpty()) {
                return value;
            }
            JsonNode parent = container(root, path);
            String last = path.get(path.size() - 1);
            if (parent instanceof ObjectNode object) {
                object.set(last, value);
            } else {
                ArrayNode array = (ArrayNode) parent;
                int at = last.equals("-") ? array.size() : Pointer.index(last);
                if (at < 0 || at > array.size()) {
                    throw fail("\"" + last + "\" is not an index from 0 to " + array.size() + " (or -) of the array"
                            + " at " + Pointer.format(path, path.size() - 1), "use an index within the array, or -"
                            + " to append");
                }
                array.insert(at, value);
            }
            return root;
        }

        private JsonNode remove(JsonNode root, List<String> path) {
            existing(root, path, "path");
            return remove(root, path, true);
        }

        /** Removes an existing value; the whole document cannot be removed. */
        private JsonNode remove(JsonNode root, List<String> path, boolean whole) {
            if (path.isEmpty()) {
                if (whole && operation.op().equals("remove")) {
                    throw fail("cannot remove the whole document", "name a member, e.g. /metadata/labels/app");
                }
                return root;
            }
            JsonNode parent = container(root, path);
            String last = path.get(path.size() - 1);
            if (parent instanceof ObjectNode object) {
                object.remove(last);
            } else {
                ((ArrayNode) parent).remove(Pointer.index(last));
            }
            return root;
        }

        /** The value at {@code path}, which must exist. */
        private JsonNode existing(JsonNode root, List<String> path, String field) {
            JsonNode node = root;
            for (int i = 0; i < path.size(); i++) {
                node = child(node, path.get(i));
                if (node == null) {
                    String pointer = field.equals("from") ? operation.from() : operation.path();
                    throw fail(field + " " + pointer + " does not exist (nothing at " + Pointer.format(path, i + 1)
                            + ")", operation.op().equals("replace") ? "use add to create it, or restrict the"
                                    + " operation to resources that have it" : "restrict the operation to resources"
                                    + " that have it");
                }
            }
            return node;
        }

        /** The object or array that holds the last token of {@code path}. */
        private JsonNode container(JsonNode root, List<String> path) {
            JsonNode parent = path.size() == 1 ? root : existing(root, path.subList(0, path.size() - 1), "path");
            if (!parent.isContainerNode()) {
                throw fail(Pointer.format(path, path.size() - 1) + " is not an object or an array",
                        "point into an object or an array");
            }
            return parent;
        }

        private static JsonNode child(JsonNode node, String token) {
            if (node instanceof ObjectNode object) {
                return object.get(token);
            }
            if (node instanceof ArrayNode array) {
                int at = Pointer.index(token);
                return at >= 0 && at < array.size() ? array.get(at) : null;
            }
            return null;
        }

        private PatchException fail(String reason, String fix) {
            return fail("", reason, fix);
        }

        private PatchException fail(String member, String reason, String fix) {
            return new PatchException(index, String.valueOf(operation.op()), String.valueOf(operation.path()), member,
                    reason, fix);
        }
    }
}
