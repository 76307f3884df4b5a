package io.mirrordrill.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a document's field types against its CRD's openAPIV3Schema, as the API server would, so a number where a
 * string belongs ({@code backupRetention: 0}) is reported with its path and line instead of failing later. Supports
 * what the shipped CRDs use: type, properties, additionalProperties, items, format date-time,
 * x-kubernetes-int-or-string and x-kubernetes-preserve-unknown-fields. Nulls are accepted: the API server prunes them.
 * In a file ({@code strict}), a field its object's schema does not list is reported the way kubectl's strict field
 * validation words it ({@code unknown field "spec.snapshotRetenton"}): the shipped CRDs preserve unknown fields so
 * nothing of a user's file is pruned, but no controller reads such a field, so a misspelling would be ignored silently.
 */
final class SchemaCheck {
    /** Metadata as the API server types it; CRD schemas may not describe metadata beyond {@code type: object}. */
    private static final JsonNode METADATA = ProtectYaml.parse("metadata-schema", """
            type: object
            x-kubernetes-preserve-unknown-fields: true
            properties:
              name: {type: string}
              generateName: {type: string}
              namespace: {type: string}
              uid: {type: string}
              resourceVersion: {type: string}
              generation: {type: integer}
              creationTimestamp: {type: string, format: date-time}
              deletionTimestamp: {type: string, format: date-time}
              labels: {type: object, additionalProperties: {type: string}}
              annotations: {type: object, additionalProperties: {type: string}}
              finalizers: {type: array, items: {type: string}}
              ownerReferences: {type: array}
              managedFields: {type: array}
              selfLink: {type: string}
              deletionGracePeriodSeconds: {type: integer}
            """).get(0).tree();

    /** Types only: a resource built in code or read from a cluster (unknown fields are kept, not judged). */
    static void check(JsonNode document, JsonNode schema, Findings findings) {
        new SchemaCheck(null).root(document, schema, findings);
    }

    /** Types into {@code findings}, and fields the schema does not list into {@code unknown}: a file a person wrote. */
    static void checkStrict(JsonNode document, JsonNode schema, Findings findings, Findings unknown) {
        new SchemaCheck(unknown).root(document, schema, findings);
    }

    private final Findings unknown;
    private final boolean strict;

    private SchemaCheck(Findings unknown) {
        this.unknown = unknown;
        this.strict = unknown != null;
    }

    private void root(JsonNode document, JsonNode schema, Findings findings) {
        for (Map.Entry<String, JsonNode> field : document.properties()) {
            JsonNode fieldSchema = field.getKey().equals("metadata") ? METADATA
                    : schema.path("properties").get(field.getKey());
            if (fieldSchema != null) {
                value(field.getValue(), fieldSchema, field.getKey(), findings);
            } else if (strict) {
                unknown(field.getKey(), schema.path("properties"));
            }
        }
    }

    private void unknown(String path, JsonNode known) {
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        List<String> names = new ArrayList<>();
        known.fieldNames().forEachRemaining(names::add);
        Optional<String> near = names.stream().filter(n -> Spelling.near(leaf, n)).findFirst();
        unknown.add(path, "unknown field " + Findings.quote(path), near.map(n -> "write " + n + " (the field is"
                + " spelt " + n + ")").orElse("remove it; the fields here are " + String.join(", ", names)));
    }

    private void value(JsonNode value, JsonNode schema, String path, Findings findings) {
        if (value.isNull()) {
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                findings.add(path, "must be a whole number or a string, not " + describe(value),
                        "write a whole number, e.g. " + leaf(path) + ": 25");
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> object(value, schema, path, findings);
            case "array" -> array(value, schema, path, findings);
            case "string" -> string(value, schema, path, findings);
            case "integer" -> expect(value.isIntegralNumber(), value, path, "a whole number",
                    leaf(path) + ": 1 (without quotes)", findings);
            case "number" -> expect(value.isNumber(), value, path, "a number", leaf(path) + ": 1.5", findings);
            case "boolean" -> expect(value.isBoolean(), value, path, "true or false",
                    leaf(path) + ": true (without quotes)", findings);
            default -> {
                // No type: x-kubernetes-preserve-unknown-fields alone accepts any value.
            }
        }
    }

    private void object(JsonNode value, JsonNode schema, String path, Findings findings) {
        if (!value.isObject()) {
            findings.add(path, "must be a mapping (key: value lines), not " + describe(value),
                    "indent the fields of " + leaf(path) + " under it");
            return;
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            JsonNode fieldSchema = properties.has(field.getKey()) ? properties.get(field.getKey()) : additional;
            if (fieldSchema != null && fieldSchema.isObject()) {
                value(field.getValue(), fieldSchema, path + "." + field.getKey(), findings);
            } else if (strict && fieldSchema == null && properties.size() > 0) {
                unknown(path + "." + field.getKey(), properties);
            }
        }
    }

    private void array(JsonNode value, JsonNode schema, String path, Findings findings) {
        if (!value.isArray()) {
            findings.add(path, "must be a list, not " + describe(value),
                    "write each entry on its own line starting with \"- \"");
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            value(value.get(i), schema.path("items"), path + "[" + i + "]", findings);
        }
    }

    private static void string(JsonNode value, JsonNode schema, String path, Findings findings) {
        if (!value.isTextual()) {
            String text = value.isValueNode() ? value.asText() : "...";
            findings.add(path, "must be a string, not " + describe(value),
                    "quote the value: " + leaf(path) + ": \"" + text + "\"");
            return;
        }
        if ("date-time".equals(schema.path("format").asText())) {
            try {
                OffsetDateTime.parse(value.asText());
            } catch (DateTimeParseException e) {
                findings.add(path, Findings.quote(value.asText()) + " is not an RFC 3339 date-time",
                        "write a UTC time such as 2024-01-01T00:00:00Z");
            }
        }
    }

    private static void expect(boolean ok, JsonNode value, String path, String what, String example, Findings findings) {
        if (!ok) {
            findings.add(path, "must be " + what + ", not " + describe(value), "write " + example);
        }
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "the string " + Findings.quote(value.asText());
        } else if (value.isNumber()) {
            return "the number " + value.asText();
        } else if (value.isBoolean()) {
            return "the boolean " + value.asText();
        } else if (value.isArray()) {
            return "a list";
        }
        return "a mapping";
    }

    private static String leaf(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return last.contains("[") ? last.substring(0, last.indexOf('[')) : last;
    }
}
