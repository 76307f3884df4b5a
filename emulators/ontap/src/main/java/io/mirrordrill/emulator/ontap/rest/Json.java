package io.mirrordrill.emulator.ontap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;

/**
 * Builds ONTAP JSON objects from dotted paths ({@code put("svm.name", "s")} gives {@code {"svm":{"name":"s"}}}),
 * leaving out null values as ONTAP leaves out absent fields. Times are ISO-8601 with an offset
 * ({@code 2026-01-01T00:00:00+00:00}, fractions of a second only when there are any), durations ISO-8601
 * ({@code PT1M30S}).
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private final ObjectNode root = MAPPER.createObjectNode();

    static Json object() {
        return new Json();
    }

    ObjectNode node() {
        return root;
    }

    Json put(String path, Object value) {
        if (value == null) {
            return this;
        }
        ObjectNode parent = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            parent = child instanceof ObjectNode o ? o : parent.putObject(parts[i]);
        }
        parent.set(parts[parts.length - 1], node(value));
        return this;
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static JsonNode node(Object value) {
        if (value instanceof JsonNode n) {
            return n;
        }
        if (value instanceof String s) {
            return MAPPER.getNodeFactory().textNode(s);
        }
        if (value instanceof Boolean b) {
            return MAPPER.getNodeFactory().booleanNode(b);
        }
        if (value instanceof Long l) {
            return MAPPER.getNodeFactory().numberNode(l);
        }
        if (value instanceof Integer i) {
            return MAPPER.getNodeFactory().numberNode(i);
        }
        if (value instanceof Instant t) {
            return MAPPER.getNodeFactory().textNode(time(t));
        }
        if (value instanceof Duration d) {
            return MAPPER.getNodeFactory().textNode(d.toString());
        }
        if (value instanceof List<?> list) {
            ArrayNode array = MAPPER.createArrayNode();
            list.forEach(item -> array.add(node(item)));
            return array;
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
}
