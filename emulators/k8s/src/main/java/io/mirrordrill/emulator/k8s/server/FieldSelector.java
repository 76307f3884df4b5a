package io.mirrordrill.emulator.k8s.server;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.KubernetesException;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code fieldSelector} on the fields every kind supports: {@code metadata.name} and {@code metadata.namespace},
 * with {@code =}, {@code ==} and {@code !=}, requirements joined by commas. Any other field is refused with 400, as
 * the API server refuses a field it does not index.
 */
final class FieldSelector {
    private record Requirement(String field, boolean equal, String value) {
    }

    private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private final List<Requirement> requirements;

    private FieldSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    static FieldSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> out = new ArrayList<>();
        for (String part : text.split(",")) {
            int ne = part.indexOf("!=");
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw badRequest("invalid selector: '" + text + "'; can't understand '" + part + "'");
            }
            String field = (ne >= 0 ? part.substring(0, ne) : part.substring(0, eq)).trim();
            String value = (ne >= 0 ? part.substring(ne + 2) : part.substring(part.startsWith("==", eq) ? eq + 2
                    : eq + 1)).trim();
            if (!field.equals("metadata.name") && !field.equals("metadata.namespace")) {
                throw badRequest("field label not supported: " + field);
            }
            out.add(new Requirement(field, ne < 0, value));
        }
        return new FieldSelector(List.copyOf(out));
    }

    boolean matches(GenericKubernetesResource object) {
        for (Requirement r : requirements) {
            String actual = r.field().equals("metadata.name") ? object.getMetadata().getName()
                    : object.getMetadata().getNamespace();
            boolean same = r.value().equals(actual == null ? "" : actual);
            if (same != r.equal()) {
                return false;
            }
        }
        return true;
    }

    private static KubernetesException badRequest(String message) {
        return new KubernetesException(400, "BadRequest", message, null, null, null);
    }
}
