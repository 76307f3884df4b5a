package io.mirrordrill.engine.restore;

import static io.mirrordrill.engine.restore.Names.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a restore or failover does to the destination, computed before anything is done: the merged namespaces, the
 * resources to create or update in restore order (Namespaces included), and every decision in words. Per resource:
 * leave out or clean, map namespaces, choose the storage class, label, then the user's transformations last (so they
 * can override any of it). Any problem anywhere refuses the whole plan with all problems listed.
 */
public record RestorePlan(List<MergedNamespace> namespaces, List<ObjectNode> resources, List<String> decisions) {
    public RestorePlan {
        namespaces = List.copyOf(namespaces);
        resources = List.copyOf(resources);
        decisions = List.copyOf(decisions);
    }

    /** One captured resource: what it becomes (null when left out) and why. */
    private record Outcome(ObjectNode captured, ObjectNode restored, List<String> decisions) {
        JsonNode subject() {
            return restored != null ? restored : captured;
        }
    }

    public static RestorePlan of(RestoreInput input) {
        List<RestoreProblem> problems = new ArrayList<>();
        List<ObjectNode> captured = new ArrayList<>();
        SortedMap<String, NamespaceMetadata> capturedNamespaces = new TreeMap<>();
        for (int i = 0; i < input.resources().size(); i++) {
            ObjectNode resource = input.resources().get(i);
            if (identified(resource, i, problems)) {
                if (Trees.is(resource, "", "Namespace")) {
                    NamespaceMetadata metadata = NamespaceMetadata.fromNamespace(resource);
                    if (capturedNamespaces.put(metadata.name(), metadata) != null) {
                        problems.add(new RestoreProblem(Trees.describe(resource), "metadata.name", "is captured twice",
                                "the archive is damaged: restore from another snapshot"));
                    }
                } else {
                    captured.add(resource);
                }
            }
        }
        List<MergedNamespace> merged = mergeNamespaces(input, captured, capturedNamespaces, problems);
        List<Outcome> outcomes = restore(input, captured, problems);
        RestoreException.throwIfAny(problems);

        List<ObjectNode> resources = new ArrayList<>();
        merged.forEach(namespace -> resources.add(namespace.toResource()));
        outcomes.stream().filter(o -> o.restored() != null).forEach(o -> resources.add(o.restored()));
        List<String> decisions = new ArrayList<>();
        merged.forEach(namespace -> namespace.decisions().forEach(d -> decisions.add(d.toString())));
        outcomes.stream().sorted(Comparator.comparing(Outcome::subject, RestoreOrder.COMPARATOR)).forEach(
                o -> o.decisions().forEach(d -> decisions.add(Trees.describe(o.subject()) + ": " + d)));
        return new RestorePlan(merged, RestoreOrder.sort(resources), decisions);
    }

    private static boolean identified(ObjectNode resource, int index, List<RestoreProblem> problems) {
        for (String field : List.of("apiVersion", "kind", "metadata.name")) {
            JsonNode value = field.equals("metadata.name") ? resource.path("metadata").path("name")
                    : resource.path(field);
            if (!value.isTextual() || value.asText().isEmpty()) {
                problems.add(new RestoreProblem("captured resource #" + index, field, "is missing",
                        "the archive is damaged: restore from another snapshot"));
                return false;
            }
        }
        return true;
    }

    /** Every source namespace of the restore gets its destination merged: mapped ones, or all seen if unmapped. */
    private static List<MergedNamespace> mergeNamespaces(RestoreInput input, List<ObjectNode> captured,
            SortedMap<String, NamespaceMetadata> capturedNamespaces, List<RestoreProblem> problems) {
        for (String name : capturedNamespaces.keySet()) {
            if (input.namespaceMapping().destinationOf(name).isEmpty()) {
                problems.add(new RestoreProblem("Namespace " + name, "metadata.name", "namespace " + quote(name)
                        + " is not in spec.namespaceMapping of " + input.owner(), "add {source: " + name
                        + ", destination: <namespace on this cluster>} to spec.namespaceMapping, or leave the"
                        + " namespace out of the Application"));
            }
        }
        SortedMap<String, NamespaceMetadata> sources = new TreeMap<>(capturedNamespaces);
        input.sourceNamespaces().forEach(ns -> sources.put(ns.name(), ns));
        SortedMap<String, NamespaceMetadata> existing = new TreeMap<>();
        input.destinationNamespaces().forEach(ns -> existing.put(ns.name(), ns));
        SortedSet<String> names = new TreeSet<>(input.namespaceMapping().sources());
        if (input.namespaceMapping().isIdentity()) {
            names.addAll(sources.keySet());
            captured.stream().map(Trees::namespace).filter(ns -> !ns.isEmpty()).forEach(names::add);
        }
        List<MergedNamespace> merged = new ArrayList<>();
        for (String name : names) {
            NamespaceMetadata source = sources.get(name);
            String destination = input.namespaceMapping().destinationOf(name).orElseThrow();
            if (source == null) {
                problems.add(new RestoreProblem(input.owner(), "source namespace " + quote(name), "the archive holds"
                        + " no labels and annotations for it", "restore from a snapshot that captured namespace "
                        + name + ", or pass its metadata"));
                continue;
            }
            NamespaceMetadata current = existing.get(destination);
            merged.add(input.namespaceMerge().merge(source, current != null ? current
                    : NamespaceMetadata.empty(destination), current != null));
        }
        merged.sort(Comparator.comparing(MergedNamespace::destination));
        return merged;
    }

    private static List<Outcome> restore(RestoreInput input, List<ObjectNode> captured,
            List<RestoreProblem> problems) {
        RestoreCleaner cleaner = new RestoreCleaner(input.volumes());
        SortedSet<String> restoredVolumes = new TreeSet<>();
        captured.stream().filter(r -> Trees.is(r, "", "PersistentVolume") && cleaner.skipReason(r).isEmpty())
                .forEach(r -> restoredVolumes.add(Trees.name(r)));
        List<Outcome> outcomes = new ArrayList<>();
        SortedMap<String, String> restoredKeys = new TreeMap<>();
        for (ObjectNode resource : captured) {
            List<String> decisions = new ArrayList<>();
            var skip = cleaner.skipReason(resource);
            if (skip.isPresent()) {
                outcomes.add(new Outcome(resource, null, List.of("left out: " + skip.get())));
                continue;
            }
            try {
                ObjectNode r = cleaner.clean(resource, restoredVolumes, decisions);
                r = input.namespaceMapping().apply(r, decisions);
                r = input.storageClasses().apply(r, decisions);
                r = RestoreLabels.stamp(r, input.restoreName(), input.archive());
                r = input.transformations().apply(r, decisions);
                String key = Trees.group(r) + "/" + Trees.kind(r) + "/" + Trees.namespace(r) + "/" + Trees.name(r);
                String first = restoredKeys.putIfAbsent(key, Trees.describe(resource));
                if (first != null) {
                    problems.add(new RestoreProblem(Trees.describe(r), "metadata.name", "would be restored twice (from"
                            + " captured " + first + " and " + Trees.describe(resource) + ")", "keep one of them"
                            + " in the archive, or change the mapping or transformation that makes them collide"));
                }
                outcomes.add(new Outcome(resource, r, decisions));
            } catch (RestoreException e) {
                problems.addAll(e.problems());
            }
        }
        return outcomes;
    }

    /** The decisions, one a line: for logs and drill reports. */
    public String report() {
        return String.join("\n", decisions);
    }
}
