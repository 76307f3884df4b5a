package io.mirrordrill.engine.restore;

import static io.mirrordrill.engine.restore.Names.quote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.SourceDestination;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The validated namespace mapping of an AppMirrorRelationship or a SnapshotRestore ({@code spec.namespaceMapping},
 * whose entries are {@link io.mirrordrill.engine.model.NamespaceMapping}): source namespace to destination namespace.
 * Without entries it is the identity (a SnapshotRestore into the namespaces it came from); with
 * entries every namespace restored must be mapped, because a partial mapping is almost always a forgotten entry.
 */
public final class NamespaceMap {
    private static final String FIELD = "spec.namespaceMapping";
    private final String owner;
    private final SortedMap<String, String> destinations;

    private NamespaceMap(String owner, SortedMap<String, String> destinations) {
        this.owner = owner;
        this.destinations = Collections.unmodifiableSortedMap(destinations);
    }

    public static NamespaceMap identity(String owner) {
        return new NamespaceMap(owner, new TreeMap<>());
    }

    /**
     * Validated entries: every source maps to one destination, no two sources share a destination (one would
     * overwrite the other), names are DNS-1123 labels. Throws with every problem found.
     *
     * @param owner the custom resource the mapping comes from, for messages: {@code AppMirrorRelationship ns/amr}
     */
    public static NamespaceMap of(String owner, List<? extends SourceDestination> entries) {
        List<RestoreProblem> problems = new ArrayList<>();
        SortedMap<String, String> destinations = new TreeMap<>();
        SortedMap<String, Integer> sourceAt = new TreeMap<>();
        SortedMap<String, Integer> destinationAt = new TreeMap<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            SourceDestination entry = entries.get(i);
            String at = FIELD + "[" + i + "]";
            String source = entry == null ? null : entry.source();
            String destination = entry == null ? null : entry.destination();
            boolean ok = side(problems, owner, at, "source", source, sourceAt, i);
            ok &= side(problems, owner, at, "destination", destination, destinationAt, i);
            if (ok) {
                destinations.put(source, destination);
            }
        }
        RestoreException.throwIfAny(problems);
        return new NamespaceMap(owner, destinations);
    }

    private static boolean side(List<RestoreProblem> problems, String owner, String at, String side, String value,
            SortedMap<String, Integer> seen, int index) {
        String field = at + "." + side;
        if (value == null || value.isEmpty()) {
            problems.add(new RestoreProblem(owner, field, "is missing", "set the " + side + " namespace"));
            return false;
        }
        if (!Names.isDnsLabel(value)) {
            problems.add(new RestoreProblem(owner, field, quote(value) + " is not a valid namespace name",
                    Names.LABEL_FIX));
            return false;
        }
        Integer first = seen.putIfAbsent(value, index);
        if (first != null) {
            problems.add(new RestoreProblem(owner, field, side + " namespace " + quote(value)
                    + " is also in " + FIELD + "[" + first + "]", side.equals("source")
                            ? "map each source namespace once" : "map each source namespace to its own destination"));
            return false;
        }
        return true;
    }

    public boolean isIdentity() {
        return destinations.isEmpty();
    }

    /** Mapped sources, sorted; empty for the identity. */
    public List<String> sources() {
        return List.copyOf(destinations.keySet());
    }

    /** The destination of a source namespace; the source itself for the identity; empty when unmapped. */
    public Optional<String> destinationOf(String source) {
        return isIdentity() ? Optional.of(source) : Optional.ofNullable(destinations.get(source));
    }

    /**
     * The mapping must name exactly the source Application's namespaces: an unmapped one would not be restored, and
     * a mapped namespace outside the Application has nothing captured. The identity covers everything.
     */
    public void requireMatches(String application, Collection<String> applicationNamespaces) {
        if (isIdentity()) {
            return;
        }
        List<RestoreProblem> problems = new ArrayList<>();
        TreeSet<String> expected = new TreeSet<>(applicationNamespaces);
        for (String namespace : expected) {
            if (!destinations.containsKey(namespace)) {
                problems.add(new RestoreProblem(owner, FIELD, "namespace " + quote(namespace) + " of Application "
                        + quote(application) + " is not mapped", "add {source: " + namespace
                        + ", destination: <namespace on this cluster>} to " + FIELD));
            }
        }
        for (String source : destinations.keySet()) {
            if (!expected.contains(source)) {
                problems.add(new RestoreProblem(owner, FIELD, "source namespace " + quote(source)
                        + " is not a namespace of Application " + quote(application), "remove the entry, or add "
                        + source + " to the Application's spec.includedNamespaces"));
            }
        }
        RestoreException.throwIfAny(problems);
    }

    /**
     * A copy of {@code resource} in its destination namespace, with the namespace references
     * {@link NamespaceReferences} knows rewritten. A namespaced resource from an unmapped namespace is an error;
     * references to unmapped namespaces point outside the application and stay.
     */
    public ObjectNode apply(ObjectNode resource, List<String> decisions) {
        ObjectNode copy = resource.deepCopy();
        String namespace = Trees.namespace(resource);
        if (!namespace.isEmpty()) {
            String destination = destinationOf(namespace).orElseThrow(() -> new RestoreException(
                    new RestoreProblem(Trees.describe(resource), "metadata.namespace", "namespace " + quote(namespace)
                            + " is not in " + FIELD + " of " + owner, "add {source: " + namespace
                            + ", destination: <namespace on this cluster>} to " + FIELD + ", or leave the resource"
                            + " out of the Application")));
            if (!destination.equals(namespace)) {
                ((ObjectNode) copy.get("metadata")).put("namespace", destination);
                decisions.add("metadata.namespace " + namespace + " -> " + destination);
            }
        }
        NamespaceReferences.rewrite(copy, this, decisions);
        return copy;
    }
}
