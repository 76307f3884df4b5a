package io.mirrordrill.engine.restore;

import io.mirrordrill.engine.EngineSettings;
import io.mirrordrill.engine.restore.MetadataDecision.Action;
import io.mirrordrill.engine.restore.MetadataDecision.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trident protect's rule for a destination namespace on restore and failover: keys only on the source are added, keys
 * on both take the source value, keys only on the destination stay; a skipped key stays exactly as the destination
 * has it; a {@code name} label holding the source namespace's name becomes the destination namespace's name.
 */
public final class NamespaceMetadataMerge {
    /** The controller's environment variable for annotation keys to leave alone. */
    public static final String SKIP_ANNOTATIONS_ENV = "RESTORE_SKIP_NAMESPACE_ANNOTATIONS";
    /**
     * Label keys in the controller's environment: the documentation names only the Helm value
     * {@code restoreSkipNamespaceLabels} for labels; this variable is our reading of how the chart passes it on.
     */
    public static final String SKIP_LABELS_ENV = "RESTORE_SKIP_NAMESPACE_LABELS";
    /** Helm's {@code --create-namespace} sets it to the namespace's name. */
    static final String NAME_LABEL = "name";
    /** Set by the API server to the namespace's own name: it follows the same rule as {@code name}. */
    static final String METADATA_NAME_LABEL = "kubernetes.io/metadata.name";

    private final SkipList skipAnnotations;
    private final SkipList skipLabels;

    public NamespaceMetadataMerge(SkipList skipAnnotations, SkipList skipLabels) {
        this.skipAnnotations = skipAnnotations;
        this.skipLabels = skipLabels;
    }

    /** Skip lists read from the controller's environment (absent variables skip nothing). */
    public static NamespaceMetadataMerge fromEnvironment(Map<String, String> environment) {
        return new EngineSettings(environment).namespaceMerge();
    }

    /**
     * @param destination the destination namespace as it is now; {@link NamespaceMetadata#empty} when it does not
     *     exist yet
     */
    public MergedNamespace merge(NamespaceMetadata source, NamespaceMetadata destination, boolean destinationExists) {
        List<MetadataDecision> decisions = new ArrayList<>();
        SortedMap<String, String> annotations = mergeField(Field.ANNOTATION, source, destination,
                source.annotations(), destination.annotations(), skipAnnotations, decisions);
        SortedMap<String, String> labels = mergeField(Field.LABEL, source, destination, source.labels(),
                destination.labels(), skipLabels, decisions);
        return new MergedNamespace(source.name(),
                new NamespaceMetadata(destination.name(), labels, annotations), destinationExists, decisions);
    }

    private static SortedMap<String, String> mergeField(Field field, NamespaceMetadata source,
            NamespaceMetadata destination, Map<String, String> from, Map<String, String> to, SkipList skip,
            List<MetadataDecision> decisions) {
        SortedMap<String, String> result = new TreeMap<>(to);
        TreeSet<String> keys = new TreeSet<>(from.keySet());
        keys.addAll(to.keySet());
        for (String key : keys) {
            String before = to.get(key);
            Action action;
            if (skip.contains(key)) {
                action = Action.SKIPPED;
            } else if (!from.containsKey(key)) {
                action = Action.KEPT;
            } else {
                String value = from.get(key);
                boolean renamed = field == Field.LABEL && isNameLabel(key) && value.equals(source.name())
                        && !source.name().equals(destination.name());
                value = renamed ? destination.name() : value;
                result.put(key, value);
                action = renamed ? Action.RENAMED : before == null ? Action.ADDED
                        : before.equals(value) ? Action.UNCHANGED : Action.OVERWRITTEN;
            }
            decisions.add(new MetadataDecision(destination.name(), field, key, action, from.get(key), before,
                    result.get(key)));
        }
        return result;
    }

    private static boolean isNameLabel(String key) {
        return key.equals(NAME_LABEL) || key.equals(METADATA_NAME_LABEL);
    }
}
