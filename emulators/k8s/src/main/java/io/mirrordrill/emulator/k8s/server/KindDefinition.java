package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the API server publishes about one served kind beyond where it lives: its OpenAPI schema (a component and the
 * components it refers to), short names and categories (discovery), and, for custom kinds, the CRD's
 * {@code additionalPrinterColumns} (tables). Built from the fabric8 model for built-in kinds and from the CRD for
 * custom ones, by {@link KindDefinitions}.
 *
 * @param component      the schema's component name, e.g. {@code io.k8s.api.core.v1.Pod}; null when none is known
 * @param components     the components this kind's schema needs beyond the built-in ones
 * @param printerColumns the CRD's printer columns (custom kinds), empty for built-ins (printed by {@link Tables})
 */
record KindDefinition(ResourceKind kind, String component, Map<String, ObjectNode> components,
                      List<String> shortNames, List<String> categories, List<JsonNode> printerColumns,
                      boolean custom) {

    /** A component of this kind's schema or a built-in one. */
    Optional<ObjectNode> schema(String name) {
        ObjectNode own = components.get(name);
        return own != null ? Optional.of(own) : Optional.ofNullable(KindDefinitions.builtInComponents().get(name));
    }

    /** The kind's own schema, if one is known. */
    Optional<ObjectNode> root() {
        return component == null ? Optional.empty() : schema(component);
    }

    String listComponent() {
        return component + "List";
    }
}
