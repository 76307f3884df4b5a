package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.JsonPatchOperation;
import io.mirrordrill.engine.model.ResourceTransformation;
import io.mirrordrill.engine.model.TransformedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code spec.transformations} as Trident protect documents them: entries of {@code resource: {kind, group, version,
 * name}} and RFC 6902 {@code operations}. Each entry applies, in spec order, to every restored resource it selects;
 * a failed {@code test} rolls back that entry's operations on that resource (the documentation's "the entire
 * modification is rolled back"), any other failing operation refuses the restore. PersistentVolumeClaims and
 * Namespaces cannot be modified (the documentation: "currently not supported").
 */
public final class Transformations {
    private static final String FIELD = "spec.transformations";
    private static final String EXAMPLE = "resource: {kind: ConfigMap} and operations: [{op: replace, path:"
            + " /data/key, value: new-value}]";
    /** Core kinds the documentation says cannot be modified. */
    private static final Set<String> UNMODIFIABLE = Set.of("PersistentVolumeClaim", "Namespace");
    private static final Set<String> RESOURCE_FIELDS = Set.of("kind", "group", "version", "name");

    /** One entry, where it sits in the spec, and what it selects. */
    public record Transformation(int index, ResourceMatch match, List<JsonPatchOperation> operations) {
    }

    private final List<Transformation> transformations;

    private Transformations(List<Transformation> transformations) {
        this.transformations = List.copyOf(transformations);
    }

    public static Transformations none() {
        return new Transformations(List.of());
    }

    /** Validated entries of a spec; throws with every problem {@link #check} finds. */
    public static Transformations of(String owner, List<ResourceTransformation> entries) {
        List<RestoreProblem> problems = check(owner, FIELD, entries);
        RestoreException.throwIfAny(problems);
        List<Transformation> result = new ArrayList<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            result.add(new Transformation(i, ResourceMatch.of(entries.get(i).resource()),
                    entries.get(i).operations()));
        }
        return new Transformations(result);
    }

    /**
     * Every malformed entry of {@code entries} (at {@code field}, e.g. {@code spec.transformations}): the field of the
     * problem, what is wrong and the fix. The model's validator reports these with file and line.
     */
    public static List<RestoreProblem> check(String owner, String field, List<ResourceTransformation> entries) {
        List<RestoreProblem> problems = new ArrayList<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            String at = field + "[" + i + "]";
            ResourceTransformation entry = entries.get(i);
            if (entry == null) {
                problems.add(new RestoreProblem(owner, at, "is empty", "write " + EXAMPLE));
                continue;
            }
            unknown(owner, at, entry.unknownFields(), Set.of("resource", "operations"), problems);
            resource(owner, at + ".resource", entry.resource(), problems);
            operations(owner, at + ".operations", entry.operations(), problems);
        }
        return problems;
    }

    private static void resource(String owner, String at, TransformedResource resource,
            List<RestoreProblem> problems) {
        if (resource == null) {
            problems.add(new RestoreProblem(owner, at, "is missing", "select the resources to modify, e.g."
                    + " resource: {kind: ConfigMap, name: settings}"));
            return;
        }
        unknown(owner, at, resource.unknownFields(), RESOURCE_FIELDS, problems);
        String kind = resource.kind();
        if (kind == null || kind.isBlank()) {
            problems.add(new RestoreProblem(owner, at + ".kind", kind == null ? "is missing" : "is empty",
                    "set the kind of the resources to modify, e.g. kind: ConfigMap (kinds are case-sensitive)"));
        } else if (unmodifiable(kind, resource.group())) {
            problems.add(new RestoreProblem(owner, at + ".kind", kind + "s cannot be modified by transformations"
                    + " (Trident protect does not support it)", "remove this transformation; map namespaces with"
                            + " namespaceMapping and storage classes with storageClassMapping"));
        }
    }

    private static void operations(String owner, String at, List<JsonPatchOperation> operations,
            List<RestoreProblem> problems) {
        if (operations == null || operations.isEmpty()) {
            problems.add(new RestoreProblem(owner, at, operations == null ? "is missing" : "is empty",
                    "list the RFC 6902 operations, e.g. operations: [{op: replace, path: /data/key, value: v}]"));
            return;
        }
        for (int j = 0; j < operations.size(); j++) {
            JsonPatchOperation operation = operations.get(j);
            String op = at + "[" + j + "]";
            if (operation == null) {
                problems.add(new RestoreProblem(owner, op, "is empty", "write an RFC 6902 operation: {op: replace,"
                        + " path: /data/key, value: v}"));
                continue;
            }
            try {
                JsonPatch.check(j, operation);
            } catch (PatchException e) {
                problems.add(new RestoreProblem(owner, e.member().isEmpty() ? op : op + "." + e.member(),
                        e.reason(), e.fix()));
            }
        }
    }

    private static void unknown(String owner, String at, Map<String, Object> fields, Set<String> known,
            List<RestoreProblem> problems) {
        for (String name : fields.keySet()) {
            problems.add(new RestoreProblem(owner, at + "." + name, "is not a field of " + (known.size() == 2
                    ? "a transformation" : "a transformation's resource"), "use " + String.join(", ",
                            known.stream().sorted().toList()) + (name.equals("op") ? ": operations go under"
                                    + " operations, the resources they modify under resource" : "")));
        }
    }

    private static boolean unmodifiable(String kind, String group) {
        return UNMODIFIABLE.contains(kind) && (group == null || group.isEmpty());
    }

    public List<Transformation> all() {
        return transformations;
    }

    /**
     * A patched copy of {@code resource} (the resource itself when nothing applies). Entries select by the resource
     * as restored, before any entry changed it. A failing operation other than {@code test} throws naming the
     * resource, the entry, the operation and its path; nothing of the resource is changed.
     */
    public ObjectNode apply(ObjectNode resource, List<String> decisions) {
        if (unmodifiable(Trees.kind(resource), Trees.group(resource))) {
            return resource;
        }
        String subject = Trees.describe(resource);
        ObjectNode current = resource;
        for (Transformation t : transformations) {
            if (!t.match().matches(resource)) {
                continue;
            }
            String at = FIELD + "[" + t.index() + "]";
            JsonNode patched;
            try {
                patched = JsonPatch.apply(current, t.operations());
            } catch (PatchException e) {
                String where = at + ".operations[" + e.index() + "] (" + e.op() + " " + e.path() + ")";
                if (e.op().equals("test") && e.member().isEmpty()) {
                    decisions.add(at + " rolled back: " + where + " " + e.reason());
                    continue;
                }
                throw new RestoreException(new RestoreProblem(subject, where, e.reason(), e.fix()));
            }
            if (!(patched instanceof ObjectNode object) || Trees.kind(object).isEmpty()
                    || Trees.apiVersion(object).isEmpty() || Trees.name(object).isEmpty()) {
                throw new RestoreException(new RestoreProblem(subject, at, "the patched resource has no apiVersion,"
                        + " kind or metadata.name", "patch fields of the resource, not its identity"));
            }
            decisions.add(at + " applied");
            current = object;
        }
        return current;
    }
}
