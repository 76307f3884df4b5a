package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fields of an object as server-side apply tracks them (structured-merge-diff's field paths, written as
 * {@code FieldsV1}): a path is a list of elements {@code f:<field>}, {@code k:<merge key as JSON>} (an item of a
 * list that merges by key) or {@code v:<value as JSON>} (a member of a set). Leaves are scalars, atomic lists and
 * empty objects; list items are members in their own right, which FieldsV1 writes as {@code ".": {}}.
 */
final class FieldSet {
    /** Object metadata the server owns, never a manager. */
    private static final Set<String> SYSTEM_META = Set.of("name", "namespace", "uid", "resourceVersion",
            "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields",
            "selfLink");

    private final Set<List<String>> paths;

    private FieldSet(Set<List<String>> paths) {
        this.paths = paths;
    }

    static FieldSet empty() {
        return new FieldSet(new LinkedHashSet<>());
    }

    /**
     * The fields an object sets: without apiVersion, kind and system metadata; only its status when {@code status}
     * is true; without its status when {@code dropStatus} is true (a kind with a status subresource).
     */
    static FieldSet of(JsonNode object, PatchSchema.Type type, boolean status, boolean dropStatus) {
        FieldSet set = empty();
        if (object == null || !object.isObject()) {
            return set;
        }
        object.properties().forEach(e -> {
            String k = e.getKey();
            boolean isStatus = k.equals("status");
            if (k.equals("apiVersion") || k.equals("kind") || (status ? !isStatus : dropStatus && isStatus)) {
                return;
            }
            JsonNode v = e.getValue();
            if (k.equals("metadata") && v.isObject()) {
                ObjectNode meta = ((ObjectNode) v).deepCopy();
                meta.remove(SYSTEM_META);
                if (!meta.isEmpty()) {
                    set.walk(meta, type.field(k).type(), List.of("f:metadata"));
                }
                return;
            }
            set.add(List.of("f:" + k), v, type.field(k));
        });
        return set;
    }

    private void add(List<String> path, JsonNode v, PatchSchema.Field field) {
        if (v.isObject() && !v.isEmpty()) {
            walk(v, field.type(), path);
        } else if (v.isArray() && field.associative()) {
            for (JsonNode item : v) {
                List<String> member = plus(path, key(item, field.mergeKey()));
                paths.add(member);
                walk(item, field.type(), member);
            }
        } else if (v.isArray() && field.set()) {
            v.forEach(item -> paths.add(plus(path, "v:" + item)));
        } else {
            paths.add(path);
        }
    }

    private void walk(JsonNode object, PatchSchema.Type type, List<String> prefix) {
        object.properties().forEach(e -> add(plus(prefix, "f:" + e.getKey()), e.getValue(),
                type.field(e.getKey())));
    }

    static String key(JsonNode item, String mergeKey) {
        ObjectNode key = Resources.mapper().createObjectNode();
        key.set(mergeKey, item.path(mergeKey));
        return "k:" + key;
    }

    // ---- set algebra ------------------------------------------------------------------------------------------

    Set<List<String>> paths() {
        return paths;
    }

    boolean isEmpty() {
        return paths.isEmpty();
    }

    boolean contains(List<String> path) {
        return paths.contains(path);
    }

    /** Whether the set holds {@code path} or anything under it. */
    boolean covers(List<String> path) {
        for (List<String> p : paths) {
            if (p.size() >= path.size() && p.subList(0, path.size()).equals(path)) {
                return true;
            }
        }
        return false;
    }

    /** A path that has paths under it in this set (an item or an object), as opposed to a leaf. */
    boolean isParent(List<String> path) {
        for (List<String> p : paths) {
            if (p.size() > path.size() && p.subList(0, path.size()).equals(path)) {
                return true;
            }
        }
        return false;
    }

    FieldSet copy() {
        return new FieldSet(new LinkedHashSet<>(paths));
    }

    void addAll(FieldSet other) {
        paths.addAll(other.paths);
    }

    void removeAll(FieldSet other) {
        paths.removeAll(other.paths);
    }

    FieldSet minus(FieldSet other) {
        FieldSet out = copy();
        out.removeAll(other);
        return out;
    }

    void add(List<String> path) {
        paths.add(path);
    }

    void remove(List<String> path) {
        paths.remove(path);
    }

    // ---- values at paths --------------------------------------------------------------------------------------

    /** The value a path names in {@code object}, or null. */
    static JsonNode at(JsonNode object, List<String> path) {
        JsonNode node = object;
        for (String element : path) {
            if (node == null) {
                return null;
            }
            node = step(node, element);
        }
        return node;
    }

    private static JsonNode step(JsonNode node, String element) {
        String rest = element.substring(2);
        if (element.startsWith("f:")) {
            return node.isObject() ? node.get(rest) : null;
        }
        JsonNode wanted = parse(rest);
        if (!node.isArray()) {
            return null;
        }
        for (JsonNode item : node) {
            if (element.startsWith("v:") ? item.equals(wanted) : matches(item, wanted)) {
                return item;
            }
        }
        return null;
    }

    private static boolean matches(JsonNode item, JsonNode key) {
        for (Map.Entry<String, JsonNode> e : key.properties()) {
            if (!e.getValue().equals(item.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Removes what a path names from {@code object} (a member, a list item or a set value). */
    static void delete(JsonNode object, List<String> path) {
        JsonNode parent = at(object, path.subList(0, path.size() - 1));
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o && last.startsWith("f:")) {
            o.remove(last.substring(2));
        } else if (parent instanceof ArrayNode a) {
            JsonNode item = step(a, last);
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) == item) {
                    a.remove(i);
                    break;
                }
            }
        }
    }

    /** structured-merge-diff's path text: {@code .spec.containers[name="app"].image}, {@code .metadata.finalizers[="x"]}. */
    static String describe(List<String> path) {
        StringBuilder out = new StringBuilder();
        for (String element : path) {
            String rest = element.substring(2);
            if (element.startsWith("f:")) {
                out.append('.').append(rest);
            } else if (element.startsWith("v:")) {
                out.append("[=").append(rest).append(']');
            } else {
                List<String> keys = new ArrayList<>();
                parse(rest).properties().forEach(e -> keys.add(e.getKey() + "=" + e.getValue()));
                out.append('[').append(String.join(",", keys)).append(']');
            }
        }
        return out.toString();
    }

    // ---- FieldsV1 ---------------------------------------------------------------------------------------------

    /** The set as FieldsV1: nested objects keyed by path element, {@code "."} marking a member with children. */
    ObjectNode toFieldsV1() {
        Node root = new Node();
        for (List<String> p : paths) {
            Node n = root;
            for (String element : p) {
                n = n.children.computeIfAbsent(element, x -> new Node());
            }
            n.member = true;
        }
        return root.json();
    }

    static FieldSet fromFieldsV1(JsonNode fields) {
        FieldSet set = empty();
        if (fields != null && fields.isObject()) {
            set.read(fields, List.of());
        }
        return set;
    }

    private void read(JsonNode node, List<String> prefix) {
        node.properties().forEach(e -> {
            if (e.getKey().equals(".")) {
                paths.add(prefix);
            } else if (e.getValue().isEmpty()) {
                paths.add(plus(prefix, e.getKey()));
            } else {
                read(e.getValue(), plus(prefix, e.getKey()));
            }
        });
    }

    private static final class Node {
        private final Map<String, Node> children = new TreeMap<>();
        private boolean member;

        ObjectNode json() {
            ObjectNode out = Resources.mapper().createObjectNode();
            if (member && !children.isEmpty()) {
                out.putObject(".");
            }
            children.forEach((k, v) -> out.set(k, v.json()));
            return out;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Resources.mapper().readTree(json);
        } catch (Exception e) {
            throw ResourceRequests.badRequest("invalid managed field path element: " + json);
        }
    }

    private static List<String> plus(List<String> path, String element) {
        List<String> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(element);
        return out;
    }
}
