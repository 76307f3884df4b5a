package io.mirrordrill.engine;

import java.util.List;
import java.util.Map;

/**
 * The controller's configuration, as the trident-protect-controller-manager Deployment's environment gives it:
 * {@code RESTORE_SKIP_NAMESPACE_ANNOTATIONS} and {@code RESTORE_SKIP_NAMESPACE_LABELS} (comma-separated keys).
 */
public record EngineSettings(List<String> skipNamespaceAnnotations, List<String> skipNamespaceLabels) {
    public static final EngineSettings DEFAULT = new EngineSettings(List.of(), List.of());

    /** Reads the settings from an environment map (the controller Deployment's env). */
    public static EngineSettings fromEnvironment(Map<String, String> env) {
        return new EngineSettings(keys(env.get("RESTORE_SKIP_NAMESPACE_ANNOTATIONS")),
                keys(env.get("RESTORE_SKIP_NAMESPACE_LABELS")));
    }

    private static List<String> keys(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
