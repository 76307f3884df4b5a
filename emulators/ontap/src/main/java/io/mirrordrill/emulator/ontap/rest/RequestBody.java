package io.mirrordrill.emulator.ontap.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A request's JSON body as ONTAP reads it: nested ({@code {"svm":{"name":"s"}}}) and dotted ({@code {"svm.name":"s"}})
 * keys name the same field, so the body is flattened to dotted paths; arrays stay values. A field the endpoint does
 * not take is ONTAP's 262179 ({@code Unexpected argument "x".}), a value of the wrong type 262197 ({@code "v" is an
 * invalid value for field "x"}), both naming the field in {@code target}; a field given twice (once nested, once
 * dotted) or missing is code 2.
 */
final class RequestBody {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final RequestBody EMPTY = new RequestBody(new TreeMap<>());

    private final Map<String, JsonNode> fields;

    private RequestBody(Map<String, JsonNode> fields) {
        this.fields = fields;
    }

    static RequestBody parse(byte[] raw) {
        if (raw == null || raw.length == 0 || new String(raw, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return EMPTY;
        }
        JsonNode root;
        try {
            root = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw invalid("The request body is not valid JSON: " + e.getOriginalMessage(), null);
        } catch (java.io.IOException e) {
            throw invalid("The request body could not be read: " + e.getMessage(), null);
        }
        if (!(root instanceof ObjectNode object)) {
            throw invalid("The request body must be a JSON object", null);
        }
        Map<String, JsonNode> flat = new TreeMap<>();
        flatten(object, "", flat);
        return new RequestBody(flat);
    }

    /** A body made of query parameters (e.g. {@code restore_to.snapshot.name} given in the query string). */
    RequestBody withQueryFields(Map<String, List<String>> query, List<String> names) {
        Map<String, JsonNode> merged = new TreeMap<>(fields);
        for (String name : names) {
            List<String> values = query.get(name);
            if (values == null || values.isEmpty()) {
                continue;
            }
            if (merged.containsKey(name)) {
                throw invalid("Field \"" + name + "\" is given both in the query and in the body", name);
            }
            merged.put(name, JSON.getNodeFactory().textNode(values.get(values.size() - 1)));
        }
        return new RequestBody(merged);
    }

    private static void flatten(ObjectNode node, String prefix, Map<String, JsonNode> out) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = prefix + e.getKey();
            if (e.getValue() instanceof ObjectNode nested) {
                flatten(nested, path + ".", out);
            } else if (out.putIfAbsent(path, e.getValue()) != null) {
                throw invalid("Field \"" + path + "\" is given twice (nested and dotted)", path);
            }
        }
    }

    /** Refuses any field outside {@code allowed}. */
    RequestBody only(String... allowed) {
        TreeSet<String> unknown = new TreeSet<>(fields.keySet());
        unknown.removeAll(Arrays.asList(allowed));
        if (!unknown.isEmpty()) {
            throw unexpected(unknown.first());
        }
        return this;
    }

    boolean has(String field) {
        JsonNode v = fields.get(field);
        return v != null && !v.isNull();
    }

    boolean isText(String field) {
        JsonNode v = fields.get(field);
        return v != null && v.isTextual();
    }

    /** A string field, or null when absent. */
    String text(String field) {
        JsonNode v = fields.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw invalidValue(v, field);
        }
        return v.textValue();
    }

    String requireText(String field) {
        String v = text(field);
        if (v == null) {
            throw invalid("Field \"" + field + "\" is required", field);
        }
        return v;
    }

    /** A boolean field (JSON true/false, or "true"/"false" from a query string), or the default when absent. */
    boolean bool(String field, boolean absent) {
        JsonNode v = fields.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) {
            return Boolean.parseBoolean(v.textValue());
        }
        throw invalidValue(v, field);
    }

    /** A whole-number field, or the default when absent. */
    long number(String field, long absent) {
        JsonNode v = fields.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw invalidValue(v, field);
        }
        return v.longValue();
    }

    /** An array of strings, or null when absent. */
    List<String> texts(String field) {
        JsonNode v = fields.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw invalidValue(v, field);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw invalidValue(item, field);
            }
            out.add(item.textValue());
        }
        return out;
    }

    /** An array of whole numbers; an absent field is the empty list. */
    List<Integer> integers(String field) {
        JsonNode v = fields.get(field);
        List<Integer> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw invalidValue(v, field);
        }
        for (JsonNode item : v) {
            if (!item.canConvertToExactIntegral() || !item.canConvertToInt()) {
                throw invalidValue(item, field);
            }
            out.add(item.intValue());
        }
        return out;
    }

    /** An array of objects, each flattened like a body; an absent field is the empty list. */
    List<RequestBody> objects(String field) {
        JsonNode v = fields.get(field);
        List<RequestBody> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw invalidValue(v, field);
        }
        for (JsonNode item : v) {
            if (!(item instanceof ObjectNode object)) {
                throw invalidValue(item, field);
            }
            Map<String, JsonNode> flat = new TreeMap<>();
            flatten(object, "", flat);
            out.add(new RequestBody(flat));
        }
        return out;
    }

    /** Code 2: a field missing or given twice, a body that is not a JSON object, a combination not allowed. */
    static OntapException invalid(String message, String target) {
        return new OntapException(400, OntapErrors.INVALID, message, target);
    }

    /** ONTAP's answer to a query parameter or body field the endpoint does not take. */
    static OntapException unexpected(String field) {
        return new OntapException(400, OntapErrors.UNEXPECTED_ARGUMENT, "Unexpected argument \"" + field + "\".",
                field);
    }

    /** ONTAP's answer to a value that is not valid for its field. */
    static OntapException invalidValue(String value, String field) {
        return new OntapException(400, OntapErrors.INVALID_VALUE, "\"" + value + "\" is an invalid value for field \""
                + field + "\"", field);
    }

    private static OntapException invalidValue(JsonNode value, String field) {
        return invalidValue(value.isTextual() ? value.textValue() : value.toString(), field);
    }
}
