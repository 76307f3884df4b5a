package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KubernetesException;

import java.util.Iterator;
import java.util.Map;

/**
 * The JSON types of a body against the kind's schema, checked before anything is decoded, so a wrong-typed field is
 * the API server's answer and never an exception of the emulator. A built-in kind answers as Go's JSON decoder does:
 * 400 BadRequest {@code Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string
 * into Go struct field DeploymentSpec.spec.replicas of type int32}; a custom kind as the CRD's structural schema
 * validation does: 422 Invalid {@code spec.replicas: Invalid value: "string": spec.replicas in body must be of type
 * integer: "string"}. JSON null is accepted anywhere (Go leaves the field unset); schemas without a type
 * (int-or-string, quantities, preserved unknown fields) accept anything.
 */
final class BodyTypes {
    private BodyTypes() {
    }

    /** Refuses {@code object} if a field has the wrong JSON type; a kind without a known schema is not checked. */
    static void check(KindDefinition d, ObjectNode object) {
        d.root().ifPresent(root -> walk(d, object, object, root, d.component(), ""));
    }

    private static void walk(KindDefinition d, ObjectNode root, JsonNode node, JsonNode schema, String struct,
                             String path) {
        JsonNode resolved = FieldValidation.resolve(d, schema);
        if (resolved == null || node == null || node.isNull()) {
            return;
        }
        String type = resolved.path("type").asText("");
        if (!type.isEmpty() && !matches(type, node)) {
            throw wrongType(d, root, node, resolved, schema, struct, path);
        }
        if (node.isArray()) {
            JsonNode items = resolved.get("items");
            if (items != null) {
                for (int i = 0; i < node.size(); i++) {
                    walk(d, root, node.get(i), items, struct, path + "[" + i + "]");
                }
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String ref = ref(schema);
        String here = ref != null ? ref.substring(ref.lastIndexOf('/') + 1) : struct;
        JsonNode properties = resolved.get("properties");
        JsonNode additional = resolved.get("additionalProperties");
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode property = properties == null ? null : properties.get(field.getKey());
            if (property != null) {
                walk(d, root, field.getValue(), property, here, child);
            } else if (additional != null && additional.isObject()) {
                walk(d, root, field.getValue(), additional, here, child);
            }
        }
    }

    private static boolean matches(String type, JsonNode node) {
        return switch (type) {
            case "object" -> node.isObject();
            case "array" -> node.isArray();
            case "string" -> node.isTextual();
            case "integer" -> node.isIntegralNumber();
            case "number" -> node.isNumber();
            case "boolean" -> node.isBoolean();
            default -> true;
        };
    }

    private static KubernetesException wrongType(KindDefinition d, ObjectNode root, JsonNode node,
                                                 JsonNode resolved, JsonNode schema, String struct, String path) {
        String kind = d.kind().kind();
        if (d.custom()) {
            String qualified = kind + "." + d.kind().group();
            // kube-openapi's InvalidType: the value named by its OpenAPI type
            String given = "\"" + (node.isIntegralNumber() ? "integer" : node.isBoolean() ? "boolean"
                    : jsonType(node)) + "\"";
            String name = root.path("metadata").path("name").asText("");
            return new KubernetesException(422, "Invalid", qualified + " \"" + name + "\" is invalid: " + path
                    + ": Invalid value: " + given + ": " + path + " in body must be of type "
                    + resolved.path("type").asText() + ": " + given, kind, null, name);
        }
        String into = path.isEmpty() ? "Go value of type " + goType(schema, resolved)
                : "Go struct field " + simple(struct) + "." + path + " of type " + goType(schema, resolved);
        return new KubernetesException(400, "BadRequest", kind + " in version \"" + d.kind().version()
                + "\" cannot be handled as a " + kind + ": json: cannot unmarshal " + jsonType(node) + " into "
                + into, null, null, null);
    }

    /** Go's names of JSON values in decoding errors. */
    static String jsonType(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return node.isNumber() ? "number" : "null";
    }

    /** The Go type a schema stands for, as far as the schema tells: {@code v1.DeploymentSpec}, {@code int32}. */
    private static String goType(JsonNode schema, JsonNode resolved) {
        String ref = ref(schema);
        if (ref != null) {
            String component = ref.substring(ref.lastIndexOf('/') + 1);
            String[] parts = component.split("\\.");
            return parts.length > 1 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : component;
        }
        return switch (resolved.path("type").asText("")) {
            case "integer" -> resolved.path("format").asText("int64");
            case "number" -> "float64";
            case "boolean" -> "bool";
            case "string" -> "string";
            case "array" -> "[]" + (resolved.has("items") ? goType(resolved.get("items"), resolved.get("items")) : "");
            case "object" -> resolved.path("additionalProperties").isObject() ? "map[string]"
                    + goType(resolved.get("additionalProperties"), resolved.get("additionalProperties"))
                    : "struct";
            default -> "interface {}";
        };
    }

    /** The reference of a schema, also when wrapped in a single {@code allOf}; null when it has none. */
    private static String ref(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref == null && schema.path("allOf").size() == 1 ? schema.path("allOf").get(0).path("$ref").asText(null)
                : ref;
    }

    private static String simple(String component) {
        return component == null ? "" : component.substring(component.lastIndexOf('.') + 1);
    }
}
