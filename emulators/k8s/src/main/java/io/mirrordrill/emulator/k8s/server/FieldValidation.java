package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.Resources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API server's field validation of a request body against the kind's schema ({@code fieldValidation} query
 * parameter of POST, PUT and PATCH): unknown fields (not in the schema, where the schema neither preserves unknown
 * fields nor declares additional properties) and duplicate fields. {@code Strict} refuses the request with 400
 * BadRequest ({@code Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field
 * "spec.foo"}); {@code Warn} (the default, as since Kubernetes 1.23) answers one warning per field and drops them;
 * {@code Ignore} drops them silently. Patch bodies are checked as partial objects: strategic-merge directives
 * ({@code $patch}, {@code $setElementOrder/...}) are not fields, and JSON patches and apply configurations are not
 * checked.
 */
final class FieldValidation {
    enum Directive { IGNORE, WARN, STRICT }

    /** The body to go on with (without the unknown fields unless nothing was found) and the warnings to answer. */
    record Checked(byte[] body, List<String> warnings) {
    }

    private FieldValidation() {
    }

    /** The directive of the query; an unsupported value is 422 as the API server validates its options. */
    static Directive directive(String value, String method) {
        if (value == null || value.isEmpty() || value.equals("Warn")) {
            return Directive.WARN;
        }
        if (value.equals("Strict")) {
            return Directive.STRICT;
        }
        if (value.equals("Ignore")) {
            return Directive.IGNORE;
        }
        String options = method.equals("POST") ? "CreateOptions" : method.equals("PUT") ? "UpdateOptions"
                : "PatchOptions";
        throw new KubernetesException(422, "Invalid", options + ".meta.k8s.io \"\" is invalid: fieldValidation: "
                + "Unsupported value: \"" + value + "\": supported values: \"Ignore\", \"Strict\", \"Warn\"",
                null, null, null);
    }

    /** Checks {@code body} against the definition's schema; a kind without a known schema is not checked. */
    static Checked check(KindDefinition definition, byte[] body, Directive directive) {
        Optional<ObjectNode> root = definition.root();
        if (root.isEmpty() || body == null || body.length == 0) {
            return new Checked(body, List.of());
        }
        List<String> problems = new ArrayList<>();
        JsonNode tree;
        try (JsonParser parser = Resources.mapper().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return new Checked(body, List.of()); // the resource handler answers what is wrong with it
            }
            tree = read(parser, "", problems);
        } catch (IOException e) {
            return new Checked(body, List.of());
        }
        walk(definition, tree, root.get(), "", problems);
        if (problems.isEmpty()) {
            return new Checked(body, List.of());
        }
        if (directive == Directive.STRICT) {
            String kind = definition.kind().kind();
            throw new KubernetesException(400, "BadRequest", kind + " in version \"" + definition.kind().version()
                    + "\" cannot be handled as a " + kind + ": strict decoding error: " + String.join(", ", problems),
                    null, null, null);
        }
        return new Checked(Reply.bytes(tree), directive == Directive.WARN ? List.copyOf(problems) : List.of());
    }

    /** Reads a JSON object keeping the last of duplicate fields, as the API server's decoder does, noting them. */
    private static JsonNode read(JsonParser p, String path, List<String> problems) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    String child = path.isEmpty() ? name : path + "." + name;
                    JsonNode value = read(p, child, problems);
                    if (object.has(name)) {
                        problems.add("duplicate field \"" + child + "\"");
                    }
                    object.set(name, value);
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(p, path + "[" + i++ + "]", problems));
                }
                return array;
            }
            default -> {
                return Resources.mapper().readTree(p);
            }
        }
    }

    /** Removes and notes the fields of {@code node} its schema does not know, depth first in document order. */
    private static void walk(KindDefinition d, JsonNode node, JsonNode schema, String path, List<String> problems) {
        schema = resolve(d, schema);
        if (schema == null || node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            JsonNode items = schema.get("items");
            if (items != null) {
                for (int i = 0; i < node.size(); i++) {
                    walk(d, node.get(i), items, path + "[" + i + "]", problems);
                }
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean declared = properties != null && properties.size() > 0;
        if (!declared && (additional == null || !additional.isObject())) {
            return; // a free-form object: anything goes
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String child = path.isEmpty() ? name : path + "." + name;
            JsonNode property = properties == null ? null : properties.get(name);
            if (property != null) {
                walk(d, field.getValue(), property, child, problems);
            } else if (additional != null && additional.isObject()) {
                walk(d, field.getValue(), additional, child, problems);
            } else if (!preserve && !(additional != null && additional.asBoolean(false)) && !name.startsWith("$")) {
                problems.add("unknown field \"" + child + "\"");
                fields.remove();
            }
        }
    }

    /** A schema with its {@code $ref} (or single-{@code $ref} {@code allOf}) followed. */
    static JsonNode resolve(KindDefinition d, JsonNode schema) {
        for (int depth = 0; schema != null && depth < 8; depth++) {
            String ref = schema.path("$ref").asText(null);
            if (ref == null && schema.path("allOf").size() == 1) {
                ref = schema.path("allOf").get(0).path("$ref").asText(null);
            }
            if (ref == null) {
                return schema;
            }
            schema = d.schema(ref.substring(ref.lastIndexOf('/') + 1)).orElse(null);
        }
        return schema;
    }
}
