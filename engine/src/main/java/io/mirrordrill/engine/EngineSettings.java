package io.mirrordrill.engine;

import io.mirrordrill.engine.restore.NamespaceMetadataMerge;
import io.mirrordrill.engine.restore.SkipList;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The controller's configuration: the Helm values of the trident-protect chart (25.06 documents
 * {@code restoreSkipNamespaceAnnotations} and {@code restoreSkipNamespaceLabels}) and the environment of the
 * trident-protect-controller-manager Deployment ({@code RESTORE_SKIP_NAMESPACE_ANNOTATIONS}, set with
 * {@code kubectl set env}). A variable set in the environment wins over the Helm value: it is what the running
 * container sees, and the documentation's way to change it on an installed controller.
 */
public record EngineSettings(Map<String, String> environment, Map<String, String> helmValues) {
    public static final EngineSettings DEFAULT = new EngineSettings(Map.of(), Map.of());
    public static final String HELM_SKIP_ANNOTATIONS = "restoreSkipNamespaceAnnotations";
    public static final String HELM_SKIP_LABELS = "restoreSkipNamespaceLabels";
    /** The Helm values the engine reads; others of the chart (autoSupport, nodeSelector...) do not concern it. */
    public static final Set<String> HELM_VALUES = Set.of(HELM_SKIP_ANNOTATIONS, HELM_SKIP_LABELS);

    public EngineSettings {
        environment = Map.copyOf(new TreeMap<>(environment));
        helmValues = Map.copyOf(new TreeMap<>(helmValues));
    }

    /** The controller's environment alone, as before Helm values existed. */
    public EngineSettings(Map<String, String> environment) {
        this(environment, Map.of());
    }

    /** Namespace annotation keys a restore or failover leaves alone. */
    public SkipList skipAnnotations() {
        return skipList(NamespaceMetadataMerge.SKIP_ANNOTATIONS_ENV, HELM_SKIP_ANNOTATIONS);
    }

    /** Namespace label keys a restore or failover leaves alone. */
    public SkipList skipLabels() {
        return skipList(NamespaceMetadataMerge.SKIP_LABELS_ENV, HELM_SKIP_LABELS);
    }

    /** The namespace label/annotation merge with these skip lists. */
    public NamespaceMetadataMerge namespaceMerge() {
        return new NamespaceMetadataMerge(skipAnnotations(), skipLabels());
    }

    private SkipList skipList(String variable, String helmValue) {
        return SkipList.parse(environment.containsKey(variable) ? environment.get(variable) : helmValues.get(helmValue));
    }
}
