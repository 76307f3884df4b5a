package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code scale} subresource (autoscaling/v1 Scale) of Deployments, StatefulSets, ReplicaSets and
 * ReplicationControllers: {@code spec.replicas} of the object, and its observed replicas and selector.
 */
final class ScaleSubresource {
    static final String API_VERSION = "autoscaling/v1";

    private ScaleSubresource() {
    }

    static boolean serves(ResourceKind kind) {
        return kind.group().equals("apps") && List.of("Deployment", "StatefulSet", "ReplicaSet").contains(kind.kind())
                || kind.group().isEmpty() && kind.kind().equals("ReplicationController");
    }

    /** The Scale of an object. */
    static ObjectNode of(ObjectNode object) {
        ObjectNode scale = Resources.mapper().createObjectNode();
        scale.put("kind", "Scale").put("apiVersion", API_VERSION);
        ObjectNode meta = scale.putObject("metadata");
        JsonNode m = object.path("metadata");
        for (String f : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (m.has(f)) {
                meta.set(f, m.get(f));
            }
        }
        scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
        ObjectNode status = scale.putObject("status");
        status.put("replicas", object.path("status").path("replicas").asInt(0));
        JsonNode selector = object.path("spec").path("selector");
        if (selector.isObject()) { // a ReplicationController's selector is a plain map of labels
            boolean structured = selector.has("matchLabels") || selector.has("matchExpressions");
            status.put("selector", structured ? format(selector) : formatMap(selector));
        }
        return scale;
    }

    /** The object with the replicas a Scale asks for; the Scale's resourceVersion, if any, is the precondition. */
    static ObjectNode scaled(ObjectNode object, ObjectNode scale, ResourceKind kind) {
        String name = object.path("metadata").path("name").asText();
        String given = scale.path("metadata").path("name").asText("");
        if (!given.isEmpty() && !given.equals(name)) {
            throw ResourceRequests.badRequest("the name of the object (" + given + ") does not match the name on the "
                    + "URL (" + name + ")");
        }
        JsonNode replicas = scale.path("spec").path("replicas");
        if (!replicas.isMissingNode() && (!replicas.canConvertToInt() || !replicas.isIntegralNumber()
                || replicas.asInt() < 0)) {
            throw new KubernetesException(422, "Invalid", "Scale.autoscaling \"" + name + "\" is invalid: "
                    + "spec.replicas: Invalid value: " + replicas + ": must be greater than or equal to 0", "Scale",
                    null, name);
        }
        ObjectNode next = object.deepCopy();
        ((ObjectNode) next.with("spec")).put("replicas", replicas.isMissingNode() ? 0 : replicas.asInt());
        String rv = scale.path("metadata").path("resourceVersion").asText("");
        if (!rv.isEmpty()) {
            ((ObjectNode) next.get("metadata")).put("resourceVersion", rv);
        }
        return next;
    }

    /** metav1.FormatLabelSelector: requirements sorted by key, {@code k=v}, {@code k in (a,b)}, {@code k}, {@code !k}. */
    private static String format(JsonNode selector) {
        Map<String, String> requirements = new TreeMap<>();
        selector.path("matchLabels").properties().forEach(e -> requirements.put(e.getKey() + "\0" + e.getValue()
                .asText(), e.getKey() + "=" + e.getValue().asText()));
        for (JsonNode r : selector.path("matchExpressions")) {
            String key = r.path("key").asText();
            List<String> values = new ArrayList<>();
            r.path("values").forEach(v -> values.add(v.asText()));
            values.sort(null);
            String text = switch (r.path("operator").asText()) {
                case "In" -> key + " in (" + String.join(",", values) + ")";
                case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
                case "Exists" -> key;
                default -> "!" + key;
            };
            requirements.put(key + "\0" + text, text);
        }
        return String.join(",", requirements.values());
    }

    private static String formatMap(JsonNode labels) {
        Map<String, String> sorted = new TreeMap<>();
        labels.properties().forEach(e -> sorted.put(e.getKey(), e.getKey() + "=" + e.getValue().asText()));
        return String.join(",", sorted.values());
    }
}
