package io.mirrordrill.engine.restore;

import static io.mirrordrill.engine.restore.Names.quote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.SourceDestination;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The storage class of a restored claim, as Trident protect 26.06 chooses it. With a {@code storageClassMapping}
 * (at least one entry) the mapping decides alone: a claim whose captured class has an entry gets its destination,
 * any other claim gets the destination cluster's default class, and {@code storageClassName} is ignored. Without
 * one: {@code storageClassName} (the AMR's), otherwise the cluster's default. The same choice is made for a
 * restored PersistentVolume so that it still matches its claim.
 */
public final class StorageClassMapping {
    /** The deprecated annotation the API server still prefers over {@code spec.storageClassName}. */
    static final String BETA_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

    public enum Rule {
        /** The captured class has a mapping entry. */
        STORAGE_CLASS_MAPPING("storageClassMapping"),
        /** A mapping is set but has no entry for the captured class: the default, storageClassName ignored. */
        UNMAPPED_CLUSTER_DEFAULT("cluster default: no storageClassMapping entry, storageClassName ignored"),
        /** No mapping: the AMR's storageClassName. */
        STORAGE_CLASS_NAME("storageClassName"),
        /** No mapping and no storageClassName. */
        CLUSTER_DEFAULT("cluster default");

        private final String label;

        Rule(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The class a claim goes to and which rule chose it. */
    public record Choice(String storageClass, Rule rule) {
    }

    private final String owner;
    private final SortedMap<String, String> mapping;
    private final String storageClassName;
    private final String clusterDefault;

    private StorageClassMapping(String owner, SortedMap<String, String> mapping, String storageClassName,
            String clusterDefault) {
        this.owner = owner;
        this.mapping = Collections.unmodifiableSortedMap(mapping);
        this.storageClassName = storageClassName;
        this.clusterDefault = clusterDefault;
    }

    /**
     * @param storageClassName the AMR's {@code spec.storageClassName}; null when absent (SnapshotRestore has none)
     * @param clusterDefault the destination cluster's default storage class; null when it has none
     */
    public static StorageClassMapping of(String owner, List<? extends SourceDestination> entries,
            String storageClassName, String clusterDefault) {
        List<RestoreProblem> problems = new ArrayList<>();
        SortedMap<String, String> mapping = new TreeMap<>();
        SortedMap<String, Integer> seen = new TreeMap<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            String at = "spec.storageClassMapping[" + i + "]";
            SourceDestination entry = entries.get(i);
            String source = entry == null ? null : entry.source();
            String destination = entry == null ? null : entry.destination();
            boolean ok = className(problems, owner, at + ".source", source);
            ok &= className(problems, owner, at + ".destination", destination);
            Integer first = ok ? seen.putIfAbsent(source, i) : null;
            if (first != null) {
                problems.add(new RestoreProblem(owner, at + ".source", "source storage class " + quote(source)
                        + " is also in spec.storageClassMapping[" + first + "]", "map each source storage class once"));
            } else if (ok) {
                mapping.put(source, destination);
            }
        }
        if (storageClassName != null) {
            className(problems, owner, "spec.storageClassName", storageClassName);
        }
        RestoreException.throwIfAny(problems);
        return new StorageClassMapping(owner, mapping, storageClassName, clusterDefault);
    }

    private static boolean className(List<RestoreProblem> problems, String owner, String field, String value) {
        if (value == null || value.isEmpty()) {
            problems.add(new RestoreProblem(owner, field, "is missing", "set the storage class name"));
            return false;
        }
        if (!Names.isDnsSubdomain(value)) {
            problems.add(new RestoreProblem(owner, field, quote(value) + " is not a valid storage class name",
                    Names.SUBDOMAIN_FIX));
            return false;
        }
        return true;
    }

    /**
     * The class for a claim captured with {@code sourceClass} (null or empty: it had none and used its cluster's
     * default, so no mapping entry can match it). Throws naming {@code subject} when no rule gives a class.
     */
    public Choice choose(String subject, String sourceClass) {
        boolean hasClass = sourceClass != null && !sourceClass.isEmpty();
        if (!mapping.isEmpty()) {
            String mapped = hasClass ? mapping.get(sourceClass) : null;
            if (mapped != null) {
                return new Choice(mapped, Rule.STORAGE_CLASS_MAPPING);
            }
            if (clusterDefault != null) {
                return new Choice(clusterDefault, Rule.UNMAPPED_CLUSTER_DEFAULT);
            }
            throw noClass(subject, "spec.storageClassMapping", hasClass ? "storage class " + quote(sourceClass)
                    : "no storage class", "; storageClassMapping overrides storageClassName, so an unmapped claim"
                    + " needs the default", hasClass ? "add {source: " + sourceClass + ", destination: <storage"
                    + " class on this cluster>} to spec.storageClassMapping, or mark a storage class of the"
                    + " destination cluster as default" : "mark a storage class of the destination cluster as"
                    + " default");
        }
        if (storageClassName != null) {
            return new Choice(storageClassName, Rule.STORAGE_CLASS_NAME);
        }
        if (clusterDefault != null) {
            return new Choice(clusterDefault, Rule.CLUSTER_DEFAULT);
        }
        throw noClass(subject, "spec.storageClassName", hasClass ? "storage class " + quote(sourceClass)
                : "no storage class", ", no storageClassName is set", hasClass ? "add {source: " + sourceClass
                + ", destination: <storage class on this cluster>} to spec.storageClassMapping, or set"
                + " spec.storageClassName" : "set spec.storageClassName, or mark a storage class of the destination"
                + " cluster as default");
    }

    private RestoreException noClass(String subject, String field, String captured, String why, String fix) {
        return new RestoreException(new RestoreProblem(subject, field, "captured with " + captured + ", which no"
                + " storageClassMapping entry of " + owner + " maps" + why + " and the destination cluster has no"
                + " default storage class", fix));
    }

    /**
     * A copy of a PersistentVolumeClaim or PersistentVolume with its class chosen; other resources come back as they
     * are. The beta annotation is rewritten too when present, since it would otherwise win over the spec field.
     */
    public ObjectNode apply(ObjectNode resource, List<String> decisions) {
        if (!Trees.group(resource).isEmpty() || !(Trees.kind(resource).equals("PersistentVolumeClaim")
                || Trees.kind(resource).equals("PersistentVolume"))) {
            return resource;
        }
        ObjectNode copy = resource.deepCopy();
        ObjectNode spec = Trees.object(copy, "spec");
        ObjectNode annotations = Trees.objectOrNull(copy.get("metadata"), "annotations");
        String beta = Trees.textOrNull(annotations, BETA_ANNOTATION);
        String captured = beta != null ? beta : Trees.textOrNull(spec, "storageClassName");
        Choice choice = choose(Trees.describe(resource), captured);
        spec.put("storageClassName", choice.storageClass());
        if (beta != null) {
            annotations.put(BETA_ANNOTATION, choice.storageClass());
        }
        decisions.add("spec.storageClassName " + (captured == null ? "(none)" : captured) + " -> "
                + choice.storageClass() + " (" + choice.rule() + ")");
        return copy;
    }
}
