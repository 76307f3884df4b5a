package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Server-side apply ({@code application/apply-patch+yaml}), a faithful subset of structured-merge-diff's: the
 * applied configuration's fields ({@link FieldSet}) become the applier's Apply entry; a field in it that another
 * manager owns with a different value is a conflict (409, the API server's message and causes) unless
 * {@code force}, which takes the field over; fields the applier set last time and leaves out now are removed when
 * no other manager owns them; the configuration merges into the live object (objects by member, lists the
 * {@link PatchSchema} declares by key or as sets, other lists and scalars replaced). Applying to a missing object
 * creates it. As on the API server, kubectl's own server-side apply (manager {@code kubectl}) takes over fields its
 * client-side apply set and keeps the last-applied-configuration annotation in step when the object has one.
 */
final class ServerSideApply {
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final String KUBECTL = "kubectl";

    private ServerSideApply() {
    }

    /** A conflict: another manager owns a field the configuration sets to another value. */
    private record Conflict(ManagedFields.Entry owner, List<String> path) {
    }

    /**
     * The object after {@code manager} applies {@code config} to {@code live} (null when absent), managedFields
     * included.
     */
    static ObjectNode apply(ResourceKind kind, ObjectNode live, ObjectNode config, String manager, boolean force,
                            boolean status, Instant now) {
        PatchSchema.Type type = PatchSchema.of(kind.group(), kind.kind());
        boolean dropStatus = !status && kind.statusSubresource();
        FieldSet applied = FieldSet.of(config, type, status, dropStatus);
        List<ManagedFields.Entry> entries = ManagedFields.read(live);
        String subresource = status ? "status" : "";
        ManagedFields.Entry mine = new ManagedFields.Entry(manager, "Apply", kind.apiVersion(),
                ManagedFields.time(now), subresource, applied);
        List<Conflict> conflicts = new ArrayList<>();
        for (ManagedFields.Entry e : entries) {
            if (e.sameManager(mine)) {
                continue;
            }
            for (List<String> p : applied.paths()) {
                if (e.fields().contains(p) && !applied.isParent(p)
                        && !ManagedFields.equal(FieldSet.at(live, p), FieldSet.at(config, p))) {
                    conflicts.add(new Conflict(e, p));
                }
            }
        }
        if (!conflicts.isEmpty() && !force && !allowedByLastApplied(live, conflicts, manager, type)) {
            throw conflictError(conflicts);
        }
        ObjectNode result = live == null ? Resources.mapper().createObjectNode() : live.deepCopy();
        List<ManagedFields.Entry> others = new ArrayList<>();
        FieldSet previous = FieldSet.empty();
        for (ManagedFields.Entry e : entries) {
            if (e.sameManager(mine)) {
                previous = e.fields();
                continue;
            }
            FieldSet fields = e.fields().copy();
            conflicts.stream().filter(c -> c.owner() == e).forEach(c -> fields.remove(c.path()));
            others.add(new ManagedFields.Entry(e.manager(), e.operation(), e.apiVersion(), e.time(),
                    e.subresource(), fields));
        }
        List<List<String>> dropped = new ArrayList<>(previous.minus(applied).paths());
        dropped.sort(Comparator.comparingInt(p -> -p.size()));
        for (List<String> p : dropped) {
            if (others.stream().noneMatch(e -> e.fields().covers(p))) {
                FieldSet.delete(result, p);
            }
        }
        merge(result, config, type, true);
        List<ManagedFields.Entry> next = new ArrayList<>(others);
        int at = indexOf(entries, mine);
        next.add(at < 0 ? next.size() : Math.min(at, next.size()), mine);
        ManagedFields.write(result, next);
        if (manager.equals(KUBECTL) && !lastApplied(live).isEmpty()) {
            ObjectNode annotated = config.deepCopy();
            JsonNode annotations = annotated.path("metadata").path("annotations");
            if (annotations instanceof ObjectNode a) {
                a.remove(LAST_APPLIED);
            }
            ((ObjectNode) result.with("metadata").with("annotations")).put(LAST_APPLIED, annotated.toString());
        }
        return result;
    }

    /**
     * The API server's lastAppliedManager: kubectl's server-side apply ({@code kubectl} manager) of an object it
     * managed with client-side apply overrides conflicts on fields whose live value is still the one its
     * last-applied-configuration annotation holds, so moving to server-side apply needs no force.
     */
    private static boolean allowedByLastApplied(ObjectNode live, List<Conflict> conflicts, String manager,
                                                PatchSchema.Type type) {
        String annotation = lastApplied(live);
        if (!manager.equals(KUBECTL) || annotation.isEmpty()) {
            return false;
        }
        JsonNode last;
        try {
            last = Resources.mapper().readTree(annotation);
        } catch (IOException e) {
            return false;
        }
        FieldSet allowed = FieldSet.of(last, type, false, false);
        return conflicts.stream().allMatch(c -> allowed.contains(c.path())
                && ManagedFields.equal(FieldSet.at(last, c.path()), FieldSet.at(live, c.path())));
    }

    private static String lastApplied(ObjectNode live) {
        return live == null ? "" : live.path("metadata").path("annotations").path(LAST_APPLIED).asText("");
    }

    private static int indexOf(List<ManagedFields.Entry> entries, ManagedFields.Entry mine) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sameManager(mine)) {
                return i;
            }
        }
        return -1;
    }

    /** Merges the applied configuration into the object: what apply does to the fields it sets. */
    private static void merge(ObjectNode target, ObjectNode config, PatchSchema.Type type, boolean root) {
        config.properties().forEach(e -> {
            String k = e.getKey();
            if (root && k.equals("metadata") && target.has("metadata") && e.getValue().isObject()) {
                ObjectNode meta = ((ObjectNode) e.getValue()).deepCopy();
                meta.remove(List.of("managedFields", "resourceVersion", "uid", "generation", "creationTimestamp"));
                merge((ObjectNode) target.get("metadata"), meta, type.field(k).type(), false);
                return;
            }
            JsonNode v = e.getValue();
            JsonNode current = target.get(k);
            PatchSchema.Field field = type.field(k);
            if (v.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, (ObjectNode) v, field.type(), false);
            } else if (v.isArray() && current != null && current.isArray() && field.merge()) {
                target.set(k, mergeList((ArrayNode) current, (ArrayNode) v, field));
            } else {
                target.set(k, v.deepCopy());
            }
        });
    }

    private static ArrayNode mergeList(ArrayNode current, ArrayNode applied, PatchSchema.Field field) {
        ArrayNode out = current.deepCopy();
        for (JsonNode item : applied) {
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (field.set() ? out.get(i).equals(item) : item.isObject() && out.get(i).isObject()
                        && item.path(field.mergeKey()).equals(out.get(i).path(field.mergeKey()))) {
                    at = i;
                }
            }
            if (at < 0) {
                out.add(item.deepCopy());
            } else if (field.associative()) {
                merge((ObjectNode) out.get(at), (ObjectNode) item, field.type(), false);
            }
        }
        return out;
    }

    /** apimachinery's NewConflictError: 409 Conflict, a cause per field, managers sorted in the message. */
    private static KubernetesException conflictError(List<Conflict> conflicts) {
        String message;
        if (conflicts.size() == 1) {
            message = "Apply failed with 1 conflict: conflict with " + conflicts.get(0).owner().describe() + ": "
                    + FieldSet.describe(conflicts.get(0).path());
        } else {
            Map<String, List<String>> byManager = new TreeMap<>();
            conflicts.forEach(c -> byManager.computeIfAbsent(c.owner().describe(), m -> new ArrayList<>())
                    .add(FieldSet.describe(c.path())));
            List<String> lines = new ArrayList<>();
            byManager.forEach((m, paths) -> {
                lines.add("conflicts with " + m + ":");
                paths.forEach(p -> lines.add("- " + p));
            });
            message = "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
        }
        ArrayNode causes = Resources.mapper().createArrayNode();
        for (Conflict c : conflicts) {
            causes.addObject().put("reason", "FieldManagerConflict").put("message", "conflict with "
                    + c.owner().describe()).put("field", FieldSet.describe(c.path()));
        }
        return new StatusError(409, "Conflict", message, causes);
    }
}
