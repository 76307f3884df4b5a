package io.mirrordrill.emulator.ontap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * ONTAP's collection conventions over a list of full records: field filters, {@code order_by}, {@code max_records}
 * with a {@code _links.next} link ({@code start.uuid} names where the next page starts), and {@code fields=}
 * selection. Without {@code fields=} a collection returns the key fields only; {@code *} and {@code **} return all.
 * A GET of one object returns every field unless {@code fields=} narrows it.
 */
final class Listing {
    private static final Set<String> CONTROLS = Set.of("fields", "max_records", "order_by", "start.uuid",
            "return_timeout", "return_records");

    private final int pageSize;

    /** @param pageSize records per page when the client names no max_records (0: no limit) */
    Listing(int pageSize) {
        this.pageSize = pageSize;
    }

    /**
     * @param flags query parameters of this endpoint that are not record fields ({@code list_destinations_only})
     */
    Reply collection(Call call, Resource resource, List<ObjectNode> all, String... flags) {
        List<FieldFilter> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> p : call.query.entrySet()) {
            String name = p.getKey();
            if (CONTROLS.contains(name) || List.of(flags).contains(name)) {
                continue;
            }
            if (!resource.knows(name)) {
                throw RequestBody.unexpected(name);
            }
            p.getValue().forEach(v -> filters.add(new FieldFilter(name, v)));
        }
        Set<String> fields = fields(call, resource);
        List<ObjectNode> records = new ArrayList<>();
        for (ObjectNode r : all) {
            if (filters.stream().allMatch(f -> f.matches(r))) {
                records.add(r);
            }
        }
        order(call, resource, records);
        int from = start(call, records);
        int limit = limit(call);
        int to = limit == 0 ? records.size() : Math.min(records.size(), from + limit);
        ArrayNode page = Json.MAPPER.createArrayNode();
        for (ObjectNode r : records.subList(from, to)) {
            link(r, call.path + "/" + r.path("uuid").asText());
            page.add(select(r, fields, resource.keys()));
        }
        ObjectNode body = Json.object().put("records", page).put("num_records", page.size())
                .put("_links.self.href", href(call, null)).node();
        if (to < records.size()) {
            body.withObjectProperty("_links").putObject("next").put("href",
                    href(call, Map.of("max_records", String.valueOf(limit), "start.uuid",
                            records.get(to).path("uuid").asText())));
        }
        return Reply.ok(body);
    }

    /** GET of one object: the bare record, narrowed by {@code fields=} when given. */
    Reply single(Call call, Resource resource, ObjectNode record) {
        call.onlyQuery("fields");
        Set<String> fields = fields(call, resource);
        link(record, call.path);
        return Reply.ok(fields.isEmpty() ? record : select(record, fields, resource.keys()));
    }

    private static void link(ObjectNode record, String href) {
        record.putObject("_links").putObject("self").put("href", href);
    }

    private static Set<String> fields(Call call, Resource resource) {
        Set<String> fields = new LinkedHashSet<>();
        for (String value : call.query.getOrDefault("fields", List.of())) {
            for (String f : value.split(",")) {
                String field = f.trim();
                if (field.isEmpty()) {
                    continue;
                }
                if (!field.equals("*") && !field.equals("**") && !resource.knows(field)) {
                    throw invalidIn("fields", field);
                }
                fields.add(field);
            }
        }
        return fields;
    }

    /** ONTAP's answer to an unknown field named in a control parameter ({@code fields=}, {@code order_by=}). */
    private static OntapException invalidIn(String parameter, String value) {
        return new OntapException(400, OntapErrors.INVALID_VALUE, "The value \"" + value + "\" is invalid for field \""
                + parameter + "\"", parameter);
    }

    private static ObjectNode select(ObjectNode full, Set<String> fields, List<String> keys) {
        if (fields.contains("*") || fields.contains("**")) {
            return full;
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        Set<String> wanted = new LinkedHashSet<>(keys);
        wanted.addAll(fields);
        wanted.add("_links");
        for (String f : wanted) {
            copy(full, out, f.split("\\."), 0);
        }
        return out;
    }

    private static void copy(JsonNode src, ObjectNode dst, String[] parts, int i) {
        JsonNode child = src.get(parts[i]);
        if (child == null) {
            return;
        }
        if (i == parts.length - 1 || !(child instanceof ObjectNode)) {
            dst.set(parts[i], child.deepCopy());
            return;
        }
        JsonNode existing = dst.get(parts[i]);
        copy(child, existing instanceof ObjectNode o ? o : dst.putObject(parts[i]), parts, i + 1);
    }

    private static void order(Call call, Resource resource, List<ObjectNode> records) {
        String orderBy = call.value("order_by");
        if (orderBy == null || orderBy.isBlank()) {
            return;
        }
        Comparator<ObjectNode> order = null;
        for (String term : orderBy.split(",")) {
            String[] words = term.trim().split("\\s+");
            if (!resource.knows(words[0]) || words.length > 2
                    || words.length == 2 && !words[1].matches("asc|desc")) {
                throw invalidIn("order_by", term.trim());
            }
            Comparator<ObjectNode> c = Comparator.comparing((ObjectNode r) -> FieldFilter.first(r, words[0]),
                    Comparator.nullsFirst(FieldFilter::compare));
            c = words.length == 2 && words[1].equals("desc") ? c.reversed() : c;
            order = order == null ? c : order.thenComparing(c);
        }
        records.sort(order);
    }

    private static int start(Call call, List<ObjectNode> records) {
        String start = call.value("start.uuid");
        if (start == null) {
            return 0;
        }
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).path("uuid").asText().equals(start)) {
                return i;
            }
        }
        return records.size();
    }

    private int limit(Call call) {
        String max = call.value("max_records");
        if (max == null) {
            return pageSize;
        }
        if (!max.matches("\\d{1,9}") || Integer.parseInt(max) == 0) {
            throw RequestBody.invalidValue(max, "max_records");
        }
        return Integer.parseInt(max);
    }

    /** The request's own href, with some query parameters replaced. */
    private static String href(Call call, Map<String, String> replace) {
        Map<String, List<String>> query = new TreeMap<>(call.query);
        if (replace != null) {
            replace.forEach((k, v) -> query.put(k, List.of(v)));
        }
        StringJoiner q = new StringJoiner("&");
        query.forEach((k, values) -> values.forEach(v -> q.add(encode(k) + "=" + encode(v))));
        return query.isEmpty() ? call.path : call.path + "?" + q;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2C", ",").replace("%2A", "*")
                .replace("%3A", ":");
    }
}
