package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code metadata.managedFields}: who set which field, one entry per manager, operation (Apply or Update), API version
 * and subresource. Writes through the API server other than apply record an Update: the manager (the
 * {@code fieldManager} parameter, else the User-Agent up to its first {@code /}, as the API server derives it) comes
 * to own the fields it added or changed, and other managers lose them; fields that disappear leave every set.
 */
final class ManagedFields {
    /** One managedFields entry. */
    record Entry(String manager, String operation, String apiVersion, String time, String subresource,
                 FieldSet fields) {
        boolean sameManager(Entry other) {
            return manager.equals(other.manager) && operation.equals(other.operation)
                    && (operation.equals("Apply") || apiVersion.equals(other.apiVersion))
                    && subresource.equals(other.subresource);
        }

        /** How conflicts name the manager: {@code "m"} for an applier, {@code "m" using v} for an updater. */
        String describe() {
            String name = "\"" + manager + "\"" + (subresource.isEmpty() ? "" : " with subresource \"" + subresource
                    + "\"");
            return operation.equals("Update") ? name + " using " + apiVersion : name;
        }
    }

    private ManagedFields() {
    }

    /** The manager of a request: its {@code fieldManager}, else the User-Agent's product name. */
    static String manager(Map<String, List<String>> query, String userAgent) {
        String given = ResourceRequests.first(query, "fieldManager");
        if (given != null && !given.isEmpty()) {
            return given;
        }
        String agent = userAgent == null ? "" : userAgent;
        int slash = agent.indexOf('/');
        return slash >= 0 ? agent.substring(0, slash) : agent;
    }

    static List<Entry> read(JsonNode object) {
        List<Entry> out = new ArrayList<>();
        JsonNode list = object == null ? null : object.path("metadata").get("managedFields");
        if (list != null && list.isArray()) {
            for (JsonNode e : list) {
                out.add(new Entry(e.path("manager").asText(), e.path("operation").asText(),
                        e.path("apiVersion").asText(), e.path("time").asText(""), e.path("subresource").asText(""),
                        FieldSet.fromFieldsV1(e.get("fieldsV1"))));
            }
        }
        return out;
    }

    /** Writes the entries to the object's metadata (removing managedFields when none is left). */
    static void write(ObjectNode object, List<Entry> entries) {
        ObjectNode meta = object.has("metadata") && object.get("metadata").isObject()
                ? (ObjectNode) object.get("metadata") : object.putObject("metadata");
        ArrayNode list = Resources.mapper().createArrayNode();
        for (Entry e : entries) {
            if (e.fields().isEmpty()) {
                continue;
            }
            ObjectNode n = list.addObject();
            n.put("manager", e.manager()).put("operation", e.operation()).put("apiVersion", e.apiVersion());
            if (!e.time().isEmpty()) {
                n.put("time", e.time());
            }
            n.put("fieldsType", "FieldsV1").set("fieldsV1", e.fields().toFieldsV1());
            if (!e.subresource().isEmpty()) {
                n.put("subresource", e.subresource());
            }
        }
        if (list.isEmpty()) {
            meta.remove("managedFields");
        } else {
            meta.set("managedFields", list);
        }
    }

    /**
     * Records an Update by {@code manager} that turns {@code before} (null for a create) into {@code after}, on
     * {@code after}. The entries are those {@code after} brings when it brings any (a client may rewrite them, as
     * kubectl does when it moves client-side apply's fields to server-side apply), else {@code before}'s.
     */
    static void recordUpdate(ResourceKind kind, JsonNode before, ObjectNode after, String manager,
                             String subresource, Instant now) {
        List<Entry> given = read(after);
        List<Entry> entries = given.isEmpty() ? read(before) : given;
        boolean status = subresource.equals("status");
        PatchSchema.Type type = PatchSchema.of(kind.group(), kind.kind());
        boolean dropStatus = !status && kind.statusSubresource();
        FieldSet was = FieldSet.of(before, type, status, dropStatus);
        FieldSet is = FieldSet.of(after, type, status, dropStatus);
        FieldSet changed = FieldSet.empty();
        for (List<String> p : is.paths()) {
            if (!was.contains(p) || !is.isParent(p) && !equal(FieldSet.at(before, p), FieldSet.at(after, p))) {
                changed.add(p);
            }
        }
        FieldSet removed = was.minus(is);
        Entry mine = new Entry(manager, "Update", kind.apiVersion(), time(now), subresource, FieldSet.empty());
        List<Entry> next = new ArrayList<>();
        boolean found = false;
        for (Entry e : entries) {
            FieldSet fields = e.fields().copy();
            fields.removeAll(removed);
            if (e.sameManager(mine)) {
                found = true;
                fields.addAll(changed);
                next.add(new Entry(e.manager(), e.operation(), e.apiVersion(),
                        changed.isEmpty() ? e.time() : mine.time(), e.subresource(), fields));
            } else {
                fields.removeAll(changed);
                next.add(new Entry(e.manager(), e.operation(), e.apiVersion(), e.time(), e.subresource(), fields));
            }
        }
        if (!found && !changed.isEmpty()) {
            next.add(new Entry(manager, "Update", kind.apiVersion(), mine.time(), subresource, changed));
        }
        write(after, next);
    }

    static boolean equal(JsonNode a, JsonNode b) {
        return a == null ? b == null : a.equals(b);
    }

    static String time(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
