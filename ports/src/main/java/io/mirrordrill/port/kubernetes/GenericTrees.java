package io.mirrordrill.port.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link GenericKubernetesResource} to and from JSON trees without Jackson's data binding for the spec and status:
 * they are plain maps, lists and scalars, and every read and write of the emulated API server converts them, where
 * reflection-driven binding costs several times a direct walk. The result is what Jackson gives (a test compares
 * both ways); anything unusual (big numbers, binary, POJO nodes, non-string header fields) is left to Jackson, and
 * so is metadata beyond the common fields ({@link MetaTrees}).
 */
final class GenericTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GenericTrees() {
    }

    /** Empty when the tree holds something only Jackson converts faithfully. */
    static Optional<GenericKubernetesResource> fromTree(ObjectNode tree, ObjectMapper mapper)
            throws JsonProcessingException {
        GenericKubernetesResource r = new GenericKubernetesResource();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "apiVersion", "kind" -> {
                    if (!value.isTextual() && !value.isNull()) {
                        return Optional.empty();
                    }
                    String text = value.isNull() ? null : value.textValue();
                    if (field.getKey().equals("kind")) {
                        r.setKind(text);
                    } else {
                        r.setApiVersion(text);
                    }
                }
                case "metadata" -> r.setMetadata(value.isNull() ? null : MetaTrees.fromTree(value, mapper));
                default -> {
                    Object plain = plain(value);
                    if (plain == UNUSUAL) {
                        return Optional.empty();
                    }
                    r.setAdditionalProperty(field.getKey(), plain);
                }
            }
        }
        return Optional.of(r);
    }

    /** Empty when the resource holds values that are not plain maps, lists and scalars. */
    static Optional<ObjectNode> toTree(GenericKubernetesResource r, ObjectMapper mapper) {
        ObjectNode tree = NODES.objectNode();
        if (r.getApiVersion() != null) {
            tree.put("apiVersion", r.getApiVersion());
        }
        if (r.getKind() != null) {
            tree.put("kind", r.getKind());
        }
        if (r.getMetadata() != null) {
            tree.set("metadata", MetaTrees.toTree(r.getMetadata(), mapper));
        }
        for (Map.Entry<String, Object> field : r.getAdditionalProperties().entrySet()) {
            JsonNode node = node(field.getValue());
            if (node == null) {
                return Optional.empty();
            }
            tree.set(field.getKey(), node);
        }
        return Optional.of(tree);
    }

    private static final Object UNUSUAL = new Object();

    /** As Jackson's untyped deserializer reads a tree: maps, lists, Integer/Long, Double, String, Boolean, null. */
    private static Object plain(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Object v = plain(e.getValue());
                    if (v == UNUSUAL) {
                        return UNUSUAL;
                    }
                    map.put(e.getKey(), v);
                }
                return map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    Object v = plain(item);
                    if (v == UNUSUAL) {
                        return UNUSUAL;
                    }
                    list.add(v);
                }
                return list;
            }
            case STRING -> {
                return node.textValue();
            }
            case BOOLEAN -> {
                return node.booleanValue();
            }
            case NULL -> {
                return null;
            }
            case NUMBER -> {
                if (node.isInt()) {
                    return node.intValue();
                }
                if (node.isLong()) {
                    return node.longValue();
                }
                return node.isDouble() ? node.doubleValue() : UNUSUAL;
            }
            default -> {
                return UNUSUAL;
            }
        }
    }

    /** As Jackson serializes plain values; null for anything else. */
    static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                JsonNode v = node(e.getValue());
                if (!(e.getKey() instanceof String key) || v == null) {
                    return null;
                }
                object.set(key, v);
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            for (Object item : list) {
                JsonNode v = node(item);
                if (v == null) {
                    return null;
                }
                array.add(v);
            }
            return array;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        return null;
    }
}
