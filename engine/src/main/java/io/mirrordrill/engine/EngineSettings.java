package io.mirrordrill.engine;

import io.mirrordrill.engine.restore.NamespaceMetadataMerge;

import java.util.Map;
import java.util.TreeMap;

/**
 * The controller's configuration: the environment of the trident-protect-controller-manager Deployment, where
 * {@code RESTORE_SKIP_NAMESPACE_ANNOTATIONS} and {@code RESTORE_SKIP_NAMESPACE_LABELS} live.
 */
public record EngineSettings(Map<String, String> environment) {
    public static final EngineSettings DEFAULT = new EngineSettings(Map.of());

    public EngineSettings {
        environment = Map.copyOf(new TreeMap<>(environment));
    }

    /** The namespace label/annotation merge with this environment's skip lists. */
    public NamespaceMetadataMerge namespaceMerge() {
        return NamespaceMetadataMerge.fromEnvironment(environment);
    }
}
