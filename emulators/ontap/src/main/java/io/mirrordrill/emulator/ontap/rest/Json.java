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
import java.util.List;

/**
 * Builds ONTAP JSON objects from dotted paths ({@code put("svm.name", "s")} gives {@code {"svm":{"name":"s"}}}),
 * leaving out null values as ONTAP leaves out absent fields. ONTAP writes whole seconds: times are ISO-8601 with the
 * cluster's offset ({@code 2026-01-01T00:05:00+00:00}: the emulated clusters keep UTC), durations ISO-8601 with days
 * when there are any ({@code PT1M4S}, {@code P1DT2H}); fractions of a second are dropped.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
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

    /** {@code PT0S}, {@code PT1M4S}, {@code P2DT3H}: whole seconds, days split off as ONTAP writes them. */
    static String duration(Duration d) {
        long seconds = d.getSeconds(); // floor: a duration of 0.9 s has lasted 0 whole seconds
        if (seconds == 0) {
            return "PT0S";
        }
        StringBuilder out = new StringBuilder(seconds < 0 ? "-P" : "P");
        long s = Math.abs(seconds);
        append(out, s / 86_400, 'D');
        if (s % 86_400 != 0) {
            out.append('T');
            append(out, s % 86_400 / 3600, 'H');
            append(out, s % 3600 / 60, 'M');
            append(out, s % 60, 'S');
        }
        return out.toString();
    }

    private static void append(StringBuilder out, long value, char unit) {
        if (value != 0) {
            out.append(value).append(unit);
        }
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
            return MAPPER.getNodeFactory().textNode(duration(d));
        }
        if (value instanceof List<?> list) {
            ArrayNode array = MAPPER.createArrayNode();
            list.forEach(item -> array.add(node(item)));
            return array;
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
}
