package io.mirrordrill.emulator.k8s.server;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code fieldSelector} on the fields every kind supports, {@code metadata.name} and {@code metadata.namespace},
 * and those the API server adds for some kinds (Events: {@code involvedObject.*}, {@code reason}, {@code type},
 * {@code source}, {@code reportingComponent}, as {@code kubectl describe} and {@code kubectl get events} use them;
 * Pods: {@code spec.nodeName}, {@code status.phase}...), with {@code =}, {@code ==} and {@code !=}, requirements
 * joined by commas. Any other field is refused with 400, as the API server refuses a field it does not index.
 */
final class FieldSelector {
    private record Requirement(String field, boolean equal, String value) {
    }

    private static final FieldSelector EVERYTHING = new FieldSelector(List.of(), Map.of());

    private final List<Requirement> requirements;

    private FieldSelector(List<Requirement> requirements, Map<String, String> paths) {
        this.requirements = requirements;
        this.paths = paths;
    }

    /** Fields beyond metadata.name and metadata.namespace, by {@code group/kind}; a value's path when it differs. */
    private static final Map<String, Map<String, String>> KIND_FIELDS = Map.of(
            "/Event", eventFields(Map.of("involvedObject", "involvedObject", "source", "source.component",
                    "reportingComponent", "reportingComponent")),
            "events.k8s.io/Event", eventFields(Map.of("involvedObject", "regarding", "source",
                    "deprecatedSource.component", "reportingComponent", "reportingController")),
            "/Pod", Map.of("spec.nodeName", "spec.nodeName", "spec.restartPolicy", "spec.restartPolicy",
                    "spec.schedulerName", "spec.schedulerName", "spec.serviceAccountName", "spec.serviceAccountName",
                    "status.phase", "status.phase", "status.podIP", "status.podIP"),
            "/PersistentVolumeClaim", Map.of(),
            "/Namespace", Map.of("status.phase", "status.phase"));

    /** The core/v1 Event field labels; the events.k8s.io/v1 view answers them on its own field names. */
    private static Map<String, String> eventFields(Map<String, String> paths) {
        Map<String, String> out = new TreeMap<>();
        for (String f : List.of("kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath")) {
            out.put("involvedObject." + f, paths.get("involvedObject") + "." + f);
        }
        out.put("reason", "reason");
        out.put("type", "type");
        out.put("source", paths.get("source"));
        out.put("reportingComponent", paths.get("reportingComponent"));
        return out;
    }

    private final Map<String, String> paths;

    static FieldSelector parse(String text) {
        return parse(text, null);
    }

    /** A selector for objects of {@code kind} (null: the fields every kind has). */
    static FieldSelector parse(String text, ResourceKind kind) {
        Map<String, String> fields = kind == null ? Map.of()
                : KIND_FIELDS.getOrDefault(kind.group() + "/" + kind.kind(), Map.of());
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
            if (!field.equals("metadata.name") && !field.equals("metadata.namespace") && !fields.containsKey(field)) {
                throw badRequest("field label not supported: " + field);
            }
            out.add(new Requirement(field, ne < 0, value));
        }
        return new FieldSelector(List.copyOf(out), fields);
    }

    boolean matches(GenericKubernetesResource object) {
        for (Requirement r : requirements) {
            String actual = r.field().equals("metadata.name") ? object.getMetadata().getName()
                    : r.field().equals("metadata.namespace") ? object.getMetadata().getNamespace()
                    : valueAt(object.getAdditionalProperties(), paths.get(r.field()));
            boolean same = r.value().equals(actual == null ? "" : actual);
            if (same != r.equal()) {
                return false;
            }
        }
        return true;
    }

    /** The text at a dotted path of an object's fields, "" when absent (as the API server's field sets have it). */
    private static String valueAt(Map<String, Object> fields, String path) {
        Object at = fields;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return "";
            }
            at = map.get(part);
        }
        return at == null || at instanceof Map || at instanceof List ? "" : at.toString();
    }

    private static KubernetesException badRequest(String message) {
        return new KubernetesException(400, "BadRequest", message, null, null, null);
    }
}
