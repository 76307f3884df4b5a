package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Accessors for objects stored as JSON trees, the store's representation (patches and diffs work on trees). */
final class Json {
    private Json() {
    }

    static ObjectNode meta(ObjectNode object) {
        JsonNode meta = object.get("metadata");
        return meta instanceof ObjectNode m ? m : object.putObject("metadata");
    }

    static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    static Map<String, String> labels(ObjectNode object) {
        Map<String, String> labels = new TreeMap<>();
        JsonNode node = meta(object).get("labels");
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        }
        return labels;
    }

    /**
     * The labels as a read-only map that looks each one up in the stored tree: selectors ask for a few keys of every
     * object a listing walks, so no map is built per object.
     */
    static Map<String, String> labelView(ObjectNode object) {
        JsonNode meta = object.get("metadata");
        JsonNode node = meta == null ? null : meta.get("labels");
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        return new AbstractMap<>() {
            @Override
            public String get(Object key) {
                JsonNode value = key instanceof String k ? node.get(k) : null;
                return value == null ? null : value.asText(); // as labels() reads it
            }

            @Override
            public boolean containsKey(Object key) {
                return get(key) != null;
            }

            @Override
            public Set<Map.Entry<String, String>> entrySet() {
                return labels(object).entrySet();
            }
        };
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static List<String> finalizers(ObjectNode object) {
        return strings(meta(object).get("finalizers"));
    }

    static boolean deleting(ObjectNode object) {
        return !text(meta(object), "deletionTimestamp").isEmpty();
    }

    static ArrayNode array(ObjectNode parent, String field, List<String> values) {
        ArrayNode array = parent.putArray(field);
        values.forEach(array::add);
        return array;
    }

    /** A fresh resource for a caller, presented in the version it asked for. */
    static GenericKubernetesResource toResource(ObjectNode object, ResourceKind kind) {
        GenericKubernetesResource resource = Resources.fromTree(object); // reads the stored tree, shares nothing
        resource.setApiVersion(kind.apiVersion());
        return resource;
    }
}
