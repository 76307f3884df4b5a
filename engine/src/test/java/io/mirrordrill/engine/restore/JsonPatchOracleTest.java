package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.JsonPatchOperation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's RFC 6902 patch (docs/architecture.md says why it is its own: every failure names the operation, the
 * pointer and a fix) against fabric8's zjsonpatch on generated documents and operations, valid or not: both
 * produce the same document, or both refuse the patch.
 */
class JsonPatchOracleTest {
    private static final long SEED = 6902;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] KEYS = {"a", "b", "c", "a~b", "x/y", ""};
    private static final JsonNode REFUSED = F.textNode("<refused>");
    private static final String[] OPS = {"add", "remove", "replace", "move", "copy", "test"};

    @Test
    void bothImplementationsAgreeOnEveryGeneratedPatch() {
        SplittableRandom random = new SplittableRandom(SEED);
        int applied = 0;
        for (int c = 0; c < 5_000; c++) {
            JsonNode document = object(random, 3); // a resource: transformations patch objects
            List<JsonPatchOperation> patch = new ArrayList<>();
            int size = 1 + random.nextInt(3);
            for (int i = 0; i < size; i++) {
                patch.add(operation(random, document));
            }
            JsonNode ours = outcome(() -> JsonPatch.apply(document, patch));
            JsonNode theirs = outcome(() -> io.fabric8.zjsonpatch.JsonPatch.apply(oracle(patch), document));
            assertEquals(theirs, ours, "case " + c + " (seed " + SEED + "): " + toJson(patch) + " on " + document);
            applied += ours == REFUSED ? 0 : 1;
        }
        // the generator must exercise both sides: patches that apply and patches that are refused
        assertTrue(applied > 1_000 && applied < 4_000, "applied " + applied + " of 5000");
    }

    private interface Apply {
        JsonNode run();
    }

    /** The patched document (members compare unordered, as JSON objects do), or {@link #REFUSED}. */
    private static JsonNode outcome(Apply apply) {
        try {
            return apply.run();
        } catch (RuntimeException e) {
            return REFUSED;
        }
    }

    /**
     * The patch for zjsonpatch, which ignores a {@code remove} of a missing object member where RFC 6902 (4.2) says
     * the target must exist: each remove is preceded by a copy of its target to a probe member (which fails when
     * the target is missing) and the probe's removal.
     */
    private static ArrayNode oracle(List<JsonPatchOperation> patch) {
        ArrayNode array = F.arrayNode();
        for (JsonNode op : toJson(patch)) {
            if (op.path("op").asText().equals("remove")) {
                array.addObject().put("op", "copy").put("from", op.path("path").asText()).put("path", "/probe");
                array.addObject().put("op", "remove").put("path", "/probe");
            }
            array.add(op);
        }
        return array;
    }

    private static ArrayNode toJson(List<JsonPatchOperation> patch) {
        ArrayNode array = F.arrayNode();
        for (JsonPatchOperation o : patch) {
            ObjectNode node = array.addObject().put("op", o.op()).put("path", o.path());
            if (o.from() != null) {
                node.put("from", o.from());
            }
            if (o.value() != null) {
                node.set("value", o.value());
            }
        }
        return array;
    }

    private static JsonPatchOperation operation(SplittableRandom random, JsonNode document) {
        String op = OPS[random.nextInt(OPS.length)];
        String path = pointer(random, document);
        String from = op.equals("move") || op.equals("copy") ? pointer(random, document) : null;
        JsonNode value = op.equals("add") || op.equals("replace") || op.equals("test")
                ? (op.equals("test") && random.nextBoolean() ? at(document, path) : value(random, 1)) : null;
        return new JsonPatchOperation(op, path, from, value, null);
    }

    /** A pointer that mostly exists in the document, sometimes one step beyond, sometimes past an array's end. */
    private static String pointer(SplittableRandom random, JsonNode document) {
        StringBuilder pointer = new StringBuilder();
        JsonNode node = document;
        while (node != null && node.isContainerNode() && node.size() > 0 && random.nextInt(4) != 0) {
            if (node.isObject()) {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
                node = node.get(name);
            } else {
                int index = random.nextInt(node.size());
                pointer.append('/').append(index);
                node = node.get(index);
            }
        }
        // never the root: zjsonpatch refuses a move from "" to "", which RFC 6902 allows (not a proper prefix), and
        // a transformation that replaces a whole resource is not one a user writes
        if (pointer.length() == 0 || random.nextInt(3) == 0) {
            String last = node != null && node.isArray() ? (random.nextBoolean() ? "-" : String.valueOf(
                    node.size() + random.nextInt(2))) : KEYS[random.nextInt(KEYS.length)];
            pointer.append('/').append(last.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static JsonNode at(JsonNode document, String pointer) {
        JsonNode node = document.at(pointer);
        return node.isMissingNode() ? F.nullNode() : node.deepCopy();
    }

    private static JsonNode value(SplittableRandom random, int depth) {
        int kind = depth == 0 ? random.nextInt(3) : random.nextInt(5);
        switch (kind) {
            case 0:
                return F.numberNode(random.nextInt(3));
            case 1:
                return F.textNode(KEYS[random.nextInt(3)]);
            case 2:
                return random.nextBoolean() ? F.nullNode() : F.booleanNode(random.nextBoolean());
            case 3: {
                ArrayNode array = F.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(value(random, depth - 1));
                }
                return array;
            }
            default:
                return object(random, depth);
        }
    }

    private static ObjectNode object(SplittableRandom random, int depth) {
        ObjectNode object = F.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            object.set(KEYS[random.nextInt(KEYS.length)], value(random, depth - 1));
        }
        return object;
    }
}
