package io.mirrordrill.port.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ObjectMeta} to and from JSON trees for the fields the engine and the emulators use (names, uid,
 * resourceVersion, generation, timestamps, labels, annotations, finalizers), as Jackson would: same values, field
 * order of {@code ObjectMeta}'s {@code @JsonPropertyOrder}, empty collections left out. Anything else (owner
 * references, managed fields, unknown fields, values of another type) goes to Jackson whole.
 */
final class MetaTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MetaTrees() {
    }

    static ObjectMeta fromTree(JsonNode node, ObjectMapper mapper) throws JsonProcessingException {
        ObjectMeta meta = node.isObject() ? read((ObjectNode) node) : null;
        return meta != null ? meta : mapper.treeToValue(node, ObjectMeta.class);
    }

    static JsonNode toTree(ObjectMeta meta, ObjectMapper mapper) {
        ObjectNode node = write(meta);
        return node != null ? node : mapper.valueToTree(meta);
    }

    /** Null when a field needs Jackson. */
    private static ObjectMeta read(ObjectNode node) {
        ObjectMeta meta = new ObjectMeta();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode v = field.getValue();
            String key = field.getKey();
            switch (key) {
                case "name", "namespace", "uid", "resourceVersion", "generateName", "creationTimestamp",
                        "deletionTimestamp", "selfLink" -> {
                    if (!v.isTextual()) {
                        return null;
                    }
                    text(meta, key, v.textValue());
                }
                case "generation", "deletionGracePeriodSeconds" -> {
                    if (!v.isInt() && !v.isLong()) {
                        return null;
                    }
                    if (key.equals("generation")) {
                        meta.setGeneration(v.longValue());
                    } else {
                        meta.setDeletionGracePeriodSeconds(v.longValue());
                    }
                }
                case "labels", "annotations" -> {
                    Map<String, String> map = strings(v);
                    if (map == null) {
                        return null;
                    }
                    if (key.equals("labels")) {
                        meta.setLabels(map);
                    } else {
                        meta.setAnnotations(map);
                    }
                }
                case "finalizers" -> {
                    if (!v.isArray()) {
                        return null;
                    }
                    List<String> list = new ArrayList<>(v.size());
                    for (JsonNode item : v) {
                        if (!item.isTextual()) {
                            return null;
                        }
                        list.add(item.textValue());
                    }
                    meta.setFinalizers(list);
                }
                default -> {
                    return null;
                }
            }
        }
        return meta;
    }

    private static void text(ObjectMeta meta, String key, String value) {
        switch (key) {
            case "name" -> meta.setName(value);
            case "namespace" -> meta.setNamespace(value);
            case "uid" -> meta.setUid(value);
            case "resourceVersion" -> meta.setResourceVersion(value);
            case "generateName" -> meta.setGenerateName(value);
            case "creationTimestamp" -> meta.setCreationTimestamp(value);
            case "deletionTimestamp" -> meta.setDeletionTimestamp(value);
            default -> meta.setSelfLink(value);
        }
    }

    private static Map<String, String> strings(JsonNode v) {
        if (!v.isObject()) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                return null;
            }
            map.put(e.getKey(), e.getValue().textValue());
        }
        return map;
    }

    /** Null when a field needs Jackson. */
    private static ObjectNode write(ObjectMeta m) {
        if (!isEmpty(m.getManagedFields()) || !isEmpty(m.getOwnerReferences())
                || m.getAdditionalProperties() != null && !m.getAdditionalProperties().isEmpty()) {
            return null;
        }
        ObjectNode node = NODES.objectNode();
        if (!putStrings(node, "annotations", m.getAnnotations())) {
            return null;
        }
        putText(node, "creationTimestamp", m.getCreationTimestamp());
        if (m.getDeletionGracePeriodSeconds() != null) {
            node.put("deletionGracePeriodSeconds", m.getDeletionGracePeriodSeconds());
        }
        putText(node, "deletionTimestamp", m.getDeletionTimestamp());
        if (!isEmpty(m.getFinalizers())) {
            ArrayNode finalizers = node.putArray("finalizers");
            for (String f : m.getFinalizers()) {
                if (f == null) {
                    return null;
                }
                finalizers.add(f);
            }
        }
        putText(node, "generateName", m.getGenerateName());
        if (m.getGeneration() != null) {
            node.put("generation", m.getGeneration());
        }
        if (!putStrings(node, "labels", m.getLabels())) {
            return null;
        }
        putText(node, "name", m.getName());
        putText(node, "namespace", m.getNamespace());
        putText(node, "resourceVersion", m.getResourceVersion());
        putText(node, "selfLink", m.getSelfLink());
        putText(node, "uid", m.getUid());
        return node;
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** False when a value is null (Jackson's rules for it are its own). */
    private static boolean putStrings(ObjectNode node, String field, Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return true;
        }
        ObjectNode object = node.putObject(field);
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getValue() == null) {
                return false;
            }
            object.put(e.getKey(), e.getValue());
        }
        return true;
    }
}
