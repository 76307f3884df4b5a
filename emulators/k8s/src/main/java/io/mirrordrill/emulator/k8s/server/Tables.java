package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.Resources;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Server-side printing: a list or an object answered as a {@code meta.k8s.io} {@code Table} when the client asks for
 * one ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}, also {@code v1beta1}), as {@code kubectl get}
 * does. Columns are the API server's: the built-in printers of {@link Printers} and the CRDs'
 * {@code additionalPrinterColumns} ({@link CrdColumns}); every column is in every row (priority 1 are the ones
 * {@code -o wide} adds). Ages are computed here, on the world's clock, so a served world's objects show the age they
 * have in simulated time. {@code includeObject} is honoured: {@code Metadata} (the default: a PartialObjectMetadata),
 * {@code Object} or {@code None}.
 */
final class Tables {
    /** One column of a table. */
    record Column(String name, String type, String format, String description, int priority) {
        static Column of(String name, String type, String description) {
            return new Column(name, type, "", description, 0);
        }

        static Column wide(String name, String type, String description) {
            return new Column(name, type, "", description, 1);
        }

        static Column named() {
            return new Column("Name", "string", "name", "Name must be unique within a namespace. Is required when "
                    + "creating resources, although some resources may allow a client to request the generation of "
                    + "an appropriate name automatically. Name is primarily intended for creation idempotence and "
                    + "configuration definition. Cannot be updated.", 0);
        }

        static Column age() {
            return new Column("Age", "string", "", "CreationTimestamp is a timestamp representing the server time "
                    + "when this object was created.", 0);
        }
    }

    /** The columns of a kind and how to fill a row. */
    interface Printer {
        List<Column> columns();

        List<Object> cells(JsonNode object, Instant now);
    }

    private Tables() {
    }

    /**
     * The Table version an {@code Accept} header asks for ({@code v1} or {@code v1beta1}), or empty: kubectl lists
     * Table first and plain JSON last, so the first acceptable media range wins.
     */
    static Optional<String> requested(String accept) {
        if (accept == null || !accept.contains("as=Table")) {
            return Optional.empty();
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim();
            String as = null;
            String g = null;
            String v = null;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].trim().split("=", 2);
                if (kv.length == 2) {
                    switch (kv[0]) {
                        case "as" -> as = kv[1];
                        case "g" -> g = kv[1];
                        case "v" -> v = kv[1];
                        default -> { }
                    }
                }
            }
            if (as == null && (type.equals("application/json") || type.equals("*/*"))) {
                return Optional.empty();
            }
            if ("Table".equals(as) && "meta.k8s.io".equals(g) && ("v1".equals(v) || "v1beta1".equals(v))
                    && (type.equals("application/json") || type.equals("*/*"))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The printer of a kind: its CRD's columns for custom kinds, the built-in printer otherwise. */
    static Printer printer(KindDefinition definition) {
        return definition.custom() ? new CrdColumns(definition.printerColumns())
                : Printers.of(definition.kind());
    }

    /**
     * A Table of a list answer ({@code items}) or of one object. {@code headers} false leaves the column definitions
     * out, as the API server does after the first event of a watch.
     */
    static ObjectNode table(String version, Printer printer, JsonNode answer, String includeObject, Instant now,
                            boolean headers) {
        String include = includeObject == null || includeObject.isEmpty() ? "Metadata" : includeObject;
        if (!List.of("None", "Metadata", "Object").contains(include)) {
            throw new KubernetesException(400, "BadRequest", "Invalid value: \"" + include + "\": must be 'Metadata', "
                    + "'Object', 'None', or empty", null, null, null);
        }
        ObjectNode table = Resources.mapper().createObjectNode();
        table.put("kind", "Table").put("apiVersion", "meta.k8s.io/" + version);
        ObjectNode meta = table.putObject("metadata");
        boolean list = answer.path("kind").asText("").endsWith("List") && answer.path("items").isArray();
        String rv = answer.path("metadata").path("resourceVersion").asText("");
        if (!rv.isEmpty()) {
            meta.put("resourceVersion", rv);
        }
        ArrayNode columns = table.putArray("columnDefinitions");
        if (headers) {
            for (Column c : printer.columns()) {
                columns.addObject().put("name", c.name()).put("type", c.type()).put("format", c.format())
                        .put("description", c.description()).put("priority", c.priority());
            }
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode object : list ? answer.get("items") : List.of(answer)) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            printer.cells(object, now).forEach(cell -> cells.add(Resources.mapper().valueToTree(cell)));
            if (include.equals("Object")) {
                row.set("object", object);
            } else if (include.equals("Metadata")) {
                ObjectNode partial = row.putObject("object");
                partial.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/" + version);
                partial.set("metadata", object.path("metadata"));
            }
        }
        return table;
    }

    /**
     * What a watch asking for tables sends as each event's object: a Table of that one object, the column
     * definitions in the first event only. Runs under the lock (on the world's thread), so now is the event's now.
     */
    static UnaryOperator<JsonNode> watchView(String version, Printer printer, String includeObject,
                                             Supplier<Instant> now) {
        boolean[] first = {true};
        return object -> {
            ObjectNode table = table(version, printer, object, includeObject, now.get(), first[0]);
            first[0] = false;
            return table;
        };
    }

    /** The cell of a {@code date} column: the age at {@code now}. */
    static String age(JsonNode object, Instant now) {
        return HumanDuration.since(object.path("metadata").path("creationTimestamp").asText(null), now);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
