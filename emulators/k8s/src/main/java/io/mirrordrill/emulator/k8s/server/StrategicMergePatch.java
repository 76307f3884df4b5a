package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KubernetesException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Strategic merge patch as the API server applies it (apimachinery's {@code strategicpatch}, with
 * {@code MergeParallelList} and {@code IgnoreUnmatchedNulls} as the server sets them): objects merge member by
 * member and null deletes; lists the {@link PatchSchema} declares merge by their key (or as sets of scalars), others
 * are replaced; directives {@code $patch: replace|delete} (on an object or a list item), {@code $retainKeys},
 * {@code $setElementOrder/<list>} and {@code $deleteFromPrimitiveList/<list>}. Merged lists are ordered as the
 * server orders them: {@code $setElementOrder} first, then the patch's order, server-only items interleaved by their
 * live positions.
 */
final class StrategicMergePatch {
    private static final String PATCH = "$patch";
    private static final String RETAIN_KEYS = "$retainKeys";
    private static final String SET_ORDER = "$setElementOrder/";
    private static final String DELETE_FROM = "$deleteFromPrimitiveList/";

    private StrategicMergePatch() {
    }

    /** The patched object; neither argument is changed. */
    static ObjectNode apply(ObjectNode original, ObjectNode patch, PatchSchema.Type type) {
        return (ObjectNode) mergeMap(original.deepCopy(), patch.deepCopy(), type);
    }

    private static JsonNode mergeMap(ObjectNode original, ObjectNode patch, PatchSchema.Type type) {
        if (patch.has(PATCH)) {
            String directive = patch.get(PATCH).asText();
            if (directive.equals("replace")) {
                patch.remove(PATCH);
                return strip(patch);
            }
            if (directive.equals("delete")) {
                return JsonNodeFactory.instance.objectNode();
            }
            throw internal("unknown patch type: " + directive + " in map: " + patch);
        }
        retainKeys(original, patch);
        setElementOrders(original, patch, type);
        for (String key : names(patch)) {
            JsonNode value = patch.get(key);
            boolean deleteList = key.startsWith(DELETE_FROM);
            String k = deleteList ? key.substring(DELETE_FROM.length()) : key;
            if (value.isNull()) {
                original.remove(k); // IgnoreUnmatchedNulls: a null for a missing field is dropped
                continue;
            }
            JsonNode current = original.get(k);
            if (current == null || current.getNodeType() != value.getNodeType()) {
                if (!deleteList) {
                    original.set(k, strip(value));
                }
                continue;
            }
            PatchSchema.Field field = type.field(k);
            if (current.isObject()) {
                original.set(k, mergeMap((ObjectNode) current, (ObjectNode) value, field.type()));
            } else if (current.isArray()) {
                original.set(k, field.merge()
                        ? mergeList((ArrayNode) current, (ArrayNode) value, field, deleteList) : strip(value));
            } else {
                original.set(k, value);
            }
        }
        return original;
    }

    /** {@code $retainKeys}: members of the live object not listed go; the patch may only set listed members. */
    private static void retainKeys(ObjectNode original, ObjectNode patch) {
        JsonNode retain = patch.remove(RETAIN_KEYS);
        if (retain == null) {
            return;
        }
        if (!retain.isArray()) {
            throw badRequest("invalid patch format of retainKeys");
        }
        List<String> keep = new ArrayList<>();
        retain.forEach(k -> keep.add(k.asText()));
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            if (!e.getValue().isNull() && !e.getKey().startsWith(DELETE_FROM) && !e.getKey().startsWith(SET_ORDER)
                    && !keep.contains(e.getKey())) {
                throw badRequest("invalid patch format of retainKeys");
            }
        }
        original.retain(keep);
    }

    /** {@code $setElementOrder/<list>}: merges the list now and orders it by the directive. */
    private static void setElementOrders(ObjectNode original, ObjectNode patch, PatchSchema.Type type) {
        for (String key : names(patch)) {
            if (!key.startsWith(SET_ORDER)) {
                continue;
            }
            JsonNode order = patch.remove(key);
            String k = key.substring(SET_ORDER.length());
            if (!order.isArray()) {
                throw badRequest("invalid patch format of setElementOrder list");
            }
            JsonNode live = original.get(k);
            JsonNode patchList = patch.get(k);
            if (live != null && !live.isArray() || patchList != null && !patchList.isArray()) {
                throw badRequest("invalid patch format of setElementOrder list");
            }
            PatchSchema.Field field = type.field(k);
            ArrayNode merged;
            if (live != null && patchList == null) {
                merged = (ArrayNode) live;
            } else if (live == null && patchList != null) {
                merged = (ArrayNode) strip(patchList);
            } else if (live != null) {
                merged = field.merge() ? mergeList((ArrayNode) live, (ArrayNode) patchList, field, false)
                        : (ArrayNode) strip(patchList);
            } else {
                continue;
            }
            String mergeKey = field.mergeKey();
            List<JsonNode> inOrder = new ArrayList<>();
            List<JsonNode> serverOnly = new ArrayList<>();
            for (JsonNode item : merged) {
                (indexOf(list(order), item, mergeKey) >= 0 ? inOrder : serverOnly).add(item);
            }
            original.set(k, normalize(inOrder, serverOnly, list(order), live == null ? List.of() : list(live),
                    mergeKey));
            patch.remove(k);
        }
    }

    private static ArrayNode mergeList(ArrayNode original, ArrayNode patch, PatchSchema.Field field,
                                       boolean deleteList) {
        if (original.isEmpty() && patch.isEmpty()) {
            return original;
        }
        boolean maps = false;
        for (JsonNode item : concat(original, patch)) {
            if (item.isArray()) {
                throw StatusError.unprocessable("lists of lists are not supported");
            }
            maps = item.isObject();
        }
        String key = field.mergeKey();
        List<JsonNode> live = list(original);
        List<JsonNode> patchItems = list(patch);
        List<JsonNode> merged;
        if (!maps) {
            if (deleteList) {
                ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                for (JsonNode v : original) {
                    if (!patchItems.contains(v)) {
                        kept.add(v);
                    }
                }
                return kept;
            }
            merged = new ArrayList<>();
            for (JsonNode v : concat(original, patch)) {
                if (!merged.contains(v)) {
                    merged.add(v);
                }
            }
        } else {
            if (key.isEmpty()) {
                throw internal("cannot merge lists without merge key");
            }
            List<JsonNode> plain = new ArrayList<>();
            boolean replace = false;
            for (JsonNode item : patchItems) {
                JsonNode directive = item.get(PATCH);
                if (directive == null) {
                    plain.add(item);
                } else if (directive.asText().equals("delete")) {
                    JsonNode value = item.get(key);
                    if (value == null) {
                        throw internal("map: " + item + " does not contain declared merge key: " + key);
                    }
                    live.removeIf(l -> value.equals(l.get(key)));
                } else if (directive.asText().equals("replace")) {
                    replace = true;
                } else if (directive.asText().equals("merge")) {
                    throw internal("merging lists cannot yet be specified in the patch");
                } else {
                    throw internal("unknown patch type: " + directive.asText() + " in map: " + item);
                }
            }
            if (replace) {
                live = plain;
                plain = new ArrayList<>();
            }
            patchItems = plain;
            merged = new ArrayList<>(live);
            for (JsonNode item : plain) {
                JsonNode value = item.get(key);
                if (value == null) {
                    throw internal("map: " + item + " does not contain declared merge key: " + key);
                }
                int at = indexOf(merged, item, key);
                if (at >= 0) {
                    merged.set(at, mergeMap((ObjectNode) merged.get(at), (ObjectNode) item, field.type()));
                } else {
                    merged.add(strip(item));
                }
            }
        }
        List<JsonNode> fromPatch = new ArrayList<>();
        List<JsonNode> serverOnly = new ArrayList<>();
        String mergeKey = maps ? key : "";
        for (JsonNode item : merged) {
            (indexOf(patchItems, item, mergeKey) >= 0 ? fromPatch : serverOnly).add(item);
        }
        return normalize(fromPatch, serverOnly, patchItems, live, mergeKey);
    }

    /**
     * normalizeElementOrder: the patch's items sorted by {@code patchOrder}, the server-only ones by
     * {@code serverOrder}, then the server-only ones inserted among them by their live positions.
     */
    private static ArrayNode normalize(List<JsonNode> patchItems, List<JsonNode> serverOnly, List<JsonNode> patchOrder,
                                       List<JsonNode> serverOrder, String key) {
        List<JsonNode> right = sorted(patchItems, patchOrder, key);
        List<JsonNode> left = sorted(serverOnly, serverOrder, key);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            if (j >= right.size()) {
                out.add(left.get(i++));
            } else if (i >= left.size()) {
                out.add(right.get(j++));
            } else {
                int li = indexOf(serverOrder, left.get(i), key);
                int ri = indexOf(serverOrder, right.get(j), key);
                out.add(li >= 0 && ri >= 0 && li < ri ? left.get(i++) : right.get(j++));
            }
        }
        return out;
    }

    /** Go's stable insertion sort with normalizeSliceOrder's comparison: unknown items count as smaller. */
    private static List<JsonNode> sorted(List<JsonNode> items, List<JsonNode> order, String key) {
        List<JsonNode> s = new ArrayList<>(items);
        for (int i = 1; i < s.size(); i++) {
            for (int j = i; j > 0 && less(s.get(j), s.get(j - 1), order, key); j--) {
                JsonNode t = s.get(j);
                s.set(j, s.get(j - 1));
                s.set(j - 1, t);
            }
        }
        return s;
    }

    private static boolean less(JsonNode a, JsonNode b, List<JsonNode> order, String key) {
        int ia = indexOf(order, a, key);
        int ib = indexOf(order, b, key);
        return ia < 0 || ib < 0 || ia < ib;
    }

    /** The position of {@code item} in {@code list}: by merge key for maps, by value for scalars; -1 if absent. */
    private static int indexOf(List<JsonNode> list, JsonNode item, String key) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode candidate = list.get(i);
            if (key.isEmpty() ? candidate.equals(item)
                    : item.get(key) != null && item.get(key).equals(candidate.get(key))) {
                return i;
            }
        }
        return -1;
    }

    /** The value without directives, as stored when nothing in the live object merges with it. */
    static JsonNode strip(JsonNode value) {
        if (value.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            value.properties().forEach(e -> {
                String k = e.getKey();
                if (!k.equals(PATCH) && !k.equals(RETAIN_KEYS) && !k.startsWith(SET_ORDER)
                        && !k.startsWith(DELETE_FROM)) {
                    out.set(k, strip(e.getValue()));
                }
            });
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : value) {
                if (!item.has(PATCH)) {
                    out.add(strip(item));
                }
            }
            return out;
        }
        return value;
    }

    private static List<String> names(ObjectNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static Iterable<JsonNode> concat(ArrayNode a, ArrayNode b) {
        List<JsonNode> out = list(a);
        out.addAll(list(b));
        return out;
    }

    private static KubernetesException badRequest(String message) {
        return new KubernetesException(400, "BadRequest", message, null, null, null);
    }

    /** Errors the API server passes on unmapped, as an InternalError. */
    private static KubernetesException internal(String message) {
        return new KubernetesException(500, "InternalError", "Internal error occurred: " + message, null, null,
                null);
    }
}
