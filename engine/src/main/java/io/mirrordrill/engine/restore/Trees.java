package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading and editing the few fields of a resource tree that every restore step needs. */
final class Trees {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Trees() {
    }

    static String apiVersion(JsonNode resource) {
        return resource.path("apiVersion").asText("");
    }

    /** The API group: empty for the core group ({@code v1}). */
    static String group(JsonNode resource) {
        String apiVersion = apiVersion(resource);
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    static String kind(JsonNode resource) {
        return resource.path("kind").asText("");
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText("");
    }

    /** Empty for cluster-scoped resources. */
    static String namespace(JsonNode resource) {
        return resource.path("metadata").path("namespace").asText("");
    }

    /** {@code Kind namespace/name} or {@code Kind name}: how messages and reports name a resource. */
    static String describe(JsonNode resource) {
        String namespace = namespace(resource);
        return kind(resource) + " " + (namespace.isEmpty() ? "" : namespace + "/") + name(resource);
    }

    static boolean is(JsonNode resource, String group, String kind) {
        return group.equals(group(resource)) && kind.equals(kind(resource));
    }

    /** The object at {@code field} of {@code parent}, created when absent or not an object. */
    static ObjectNode object(ObjectNode parent, String field) {
        JsonNode child = parent.get(field);
        return child instanceof ObjectNode object ? object : parent.putObject(field);
    }

    /** The object at {@code field}, or null when absent or not an object: for reading without creating. */
    static ObjectNode objectOrNull(JsonNode parent, String field) {
        JsonNode child = parent == null ? null : parent.get(field);
        return child instanceof ObjectNode object ? object : null;
    }

    /** The text at {@code field}, or null when absent or not text. */
    static String textOrNull(JsonNode parent, String field) {
        JsonNode child = parent == null ? null : parent.get(field);
        return child != null && child.isTextual() ? child.asText() : null;
    }

    /** Removes {@code metadata.annotations[key]}, and the annotations object when that leaves it empty. */
    static boolean removeAnnotation(ObjectNode resource, String key) {
        ObjectNode annotations = objectOrNull(resource.get("metadata"), "annotations");
        if (annotations == null || annotations.remove(key) == null) {
            return false;
        }
        if (annotations.isEmpty()) {
            ((ObjectNode) resource.get("metadata")).remove("annotations");
        }
        return true;
    }
}
