package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table of a custom kind, as the API server builds it from the CRD's {@code additionalPrinterColumns}: Name first,
 * then each declared column (Age from {@code .metadata.creationTimestamp} when the CRD declares none). A cell is the
 * first value of the column's JSONPath, typed by the column ({@code date}: the age at now), or null (kubectl prints
 * {@code <none>}) when the path finds nothing. JSONPath as CRDs use it: {@code .a.b}, {@code [n]}, {@code [*]} and
 * {@code [?(@.key=="value")]}.
 */
final class CrdColumns implements Tables.Printer {
    private record Declared(String name, String type, String path, int priority, String description, String format) {
    }

    private final List<Declared> declared = new ArrayList<>();

    CrdColumns(List<JsonNode> printerColumns) {
        for (JsonNode c : printerColumns) {
            declared.add(new Declared(c.path("name").asText(), c.path("type").asText("string"),
                    c.path("jsonPath").asText(), c.path("priority").asInt(0), c.path("description").asText(""),
                    c.path("format").asText("")));
        }
        if (declared.isEmpty()) {
            declared.add(new Declared("Age", "date", ".metadata.creationTimestamp", 0, "", ""));
        }
    }

    @Override
    public List<Tables.Column> columns() {
        List<Tables.Column> out = new ArrayList<>();
        out.add(Tables.Column.named());
        for (Declared d : declared) {
            out.add(new Tables.Column(d.name(), d.type(), d.format(), d.description(), d.priority()));
        }
        return out;
    }

    @Override
    public List<Object> cells(JsonNode object, Instant now) {
        List<Object> cells = new ArrayList<>();
        cells.add(object.path("metadata").path("name").asText());
        for (Declared d : declared) {
            cells.add(find(object, d.path()).filter(v -> !v.isNull()).map(v -> cell(d.type(), v, now)).orElse(null));
        }
        return cells;
    }

    private static Object cell(String type, JsonNode value, Instant now) {
        return switch (type) {
            case "date" -> value.isTextual() ? HumanDuration.since(value.asText(), now) : "<invalid>";
            case "integer" -> value.isIntegralNumber() ? value.asLong() : null;
            case "number" -> value.isNumber() ? value.asDouble() : null;
            case "boolean" -> value.isBoolean() ? value.asBoolean() : null;
            default -> value.isValueNode() ? value.asText() : value.toString();
        };
    }

    /** The first value {@code path} finds in {@code node}. */
    static Optional<JsonNode> find(JsonNode node, String path) {
        String p = path.trim();
        if (p.startsWith("{") && p.endsWith("}")) {
            p = p.substring(1, p.length() - 1);
        }
        List<JsonNode> current = List.of(node);
        int i = 0;
        while (i < p.length() && !current.isEmpty()) {
            char c = p.charAt(i);
            List<JsonNode> next = new ArrayList<>();
            if (c == '.') {
                int end = i + 1;
                while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
                    end++;
                }
                String field = p.substring(i + 1, end);
                for (JsonNode n : current) {
                    if (field.isEmpty()) {
                        next.add(n);
                    } else if (n.has(field)) {
                        next.add(n.get(field));
                    }
                }
                i = end;
            } else if (c == '[') {
                int end = p.indexOf(']', i);
                if (end < 0) {
                    return Optional.empty();
                }
                String sel = p.substring(i + 1, end);
                for (JsonNode n : current) {
                    select(n, sel, next);
                }
                i = end + 1;
            } else {
                return Optional.empty();
            }
            current = next;
        }
        return current.isEmpty() ? Optional.empty() : Optional.of(current.get(0));
    }

    private static void select(JsonNode n, String sel, List<JsonNode> out) {
        if (!n.isArray()) {
            return;
        }
        if (sel.equals("*")) {
            n.forEach(out::add);
        } else if (sel.startsWith("?(@.") && sel.endsWith(")")) {
            String[] kv = sel.substring(4, sel.length() - 1).split("==", 2);
            if (kv.length == 2) {
                String key = kv[0].trim();
                String want = kv[1].trim().replaceAll("^[\"']|[\"']$", "");
                n.forEach(e -> {
                    if (e.path(key).asText().equals(want)) {
                        out.add(e);
                    }
                });
            }
        } else {
            try {
                int index = Integer.parseInt(sel.trim());
                JsonNode e = n.get(index < 0 ? n.size() + index : index);
                if (e != null) {
                    out.add(e);
                }
            } catch (NumberFormatException e) {
                // not a selector CRDs use
            }
        }
    }
}
