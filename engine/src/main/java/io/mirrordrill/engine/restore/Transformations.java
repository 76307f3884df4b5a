package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.JsonPatchOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code spec.transformations}: RFC 6902 operations applied to each restored resource they match, in list order, all
 * or nothing per resource. An operation may carry {@code match: {group, kind, name, namespace}} (kept by the model
 * and the CRD as an unknown field; RFC 6902 ignores unrecognised members); without it, it applies to every resource.
 */
public final class Transformations {
    private static final String FIELD = "spec.transformations";
    private static final Set<String> MATCH_FIELDS = Set.of("group", "kind", "name", "namespace");
    private static final String MATCH_EXAMPLE = "match: {group: apps, kind: Deployment, name: web, namespace: ns-2}";

    /** One operation, where it sits in the spec, and what it applies to. */
    public record Transformation(int index, JsonPatchOperation operation, ResourceMatch match) {
    }

    private final List<Transformation> transformations;

    private Transformations(List<Transformation> transformations) {
        this.transformations = List.copyOf(transformations);
    }

    public static Transformations none() {
        return new Transformations(List.of());
    }

    /** Validated operations of a spec; throws with every malformed operation or match found. */
    public static Transformations of(String owner, List<JsonPatchOperation> operations) {
        List<RestoreProblem> problems = new ArrayList<>();
        List<Transformation> result = new ArrayList<>();
        for (int i = 0; operations != null && i < operations.size(); i++) {
            JsonPatchOperation operation = operations.get(i);
            String at = FIELD + "[" + i + "]";
            if (operation == null) {
                problems.add(new RestoreProblem(owner, at, "is empty", "write an RFC 6902 operation: {op: replace,"
                        + " path: /spec/x, value: y}"));
                continue;
            }
            try {
                JsonPatch.check(i, operation);
            } catch (PatchException e) {
                problems.add(new RestoreProblem(owner, at, e.reason(), e.fix()));
                continue;
            }
            ResourceMatch match = match(owner, at + ".match", operation.unknownFields().get("match"), problems);
            if (match != null) {
                result.add(new Transformation(i, operation, match));
            }
        }
        RestoreException.throwIfAny(problems);
        return new Transformations(result);
    }

    private static ResourceMatch match(String owner, String field, Object value, List<RestoreProblem> problems) {
        if (value == null) {
            return ResourceMatch.ANY;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(new RestoreProblem(owner, field, "is not an object", "write " + MATCH_EXAMPLE));
            return null;
        }
        int before = problems.size();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!MATCH_FIELDS.contains(String.valueOf(entry.getKey()))) {
                problems.add(new RestoreProblem(owner, field + "." + entry.getKey(), "is not a match field",
                        "use group, kind, name or namespace"));
            } else if (!(entry.getValue() instanceof String)) {
                problems.add(new RestoreProblem(owner, field + "." + entry.getKey(), "is not a string",
                        "quote the value, e.g. " + MATCH_EXAMPLE));
            }
        }
        return problems.size() > before ? null : new ResourceMatch((String) map.get("group"),
                (String) map.get("kind"), (String) map.get("name"), (String) map.get("namespace"));
    }

    public List<Transformation> all() {
        return transformations;
    }

    /**
     * A patched copy of {@code resource} (the resource itself when nothing matches). A failing operation throws
     * naming the resource, the operation's index and path; nothing of the resource is changed.
     */
    public ObjectNode apply(ObjectNode resource, List<String> decisions) {
        List<Transformation> matching = transformations.stream().filter(t -> t.match().matches(resource)).toList();
        if (matching.isEmpty()) {
            return resource;
        }
        String subject = Trees.describe(resource);
        JsonNode patched;
        try {
            patched = JsonPatch.apply(resource, matching.stream().map(Transformation::operation).toList());
        } catch (PatchException e) {
            Transformation failed = matching.get(e.index());
            throw new RestoreException(new RestoreProblem(subject, FIELD + "[" + failed.index() + "] (" + e.op()
                    + " " + e.path() + ")", e.reason(), e.fix() + (failed.match() == ResourceMatch.ANY
                            ? "; it has no match, so it applies to every restored resource: add one, e.g. "
                                    + MATCH_EXAMPLE : "")));
        }
        String indexes = matching.stream().map(t -> String.valueOf(t.index())).collect(Collectors.joining(","));
        if (!(patched instanceof ObjectNode object) || Trees.kind(object).isEmpty()
                || Trees.apiVersion(object).isEmpty() || Trees.name(object).isEmpty()) {
            throw new RestoreException(new RestoreProblem(subject, FIELD + "[" + indexes + "]", "the patched"
                    + " resource has no apiVersion, kind or metadata.name", "patch fields of the resource, not its"
                    + " identity"));
        }
        decisions.add(FIELD + "[" + indexes + "] applied");
        return object;
    }
}
