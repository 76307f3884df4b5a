package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.Optional;

/** Small helpers for reading and building objects as JSON trees: the simulator handles every kind generically. */
final class Tree {
    private Tree() {}

    static ObjectNode of(GenericKubernetesResource r) {
        return Resources.toTree(r);
    }

    static GenericKubernetesResource resource(ObjectNode tree) {
        return Resources.fromTree(tree);
    }

    static ObjectNode object() {
        return Resources.mapper().createObjectNode();
    }

    /** The text at a dotted path ({@code "spec.volumeName"}), if present and not null. */
    static Optional<String> text(JsonNode node, String path) {
        JsonNode n = at(node, path);
        return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n.asText());
    }

    static JsonNode at(JsonNode node, String path) {
        JsonNode n = node;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        return n;
    }

    /** The object at a dotted path, created on the way when missing. */
    static ObjectNode with(ObjectNode node, String path) {
        ObjectNode n = node;
        for (String part : path.split("\\.")) {
            n = n.has(part) && n.get(part).isObject() ? (ObjectNode) n.get(part) : n.putObject(part);
        }
        return n;
    }

    static String name(JsonNode node) {
        return node.path("metadata").path("name").asText();
    }

    static String namespace(JsonNode node) {
        return node.path("metadata").path("namespace").asText();
    }

    /** {@code metadata.finalizers}, in order. */
    static java.util.List<String> finalizers(JsonNode node) {
        java.util.List<String> out = new java.util.ArrayList<>();
        node.path("metadata").path("finalizers").forEach(f -> out.add(f.asText()));
        return out;
    }

    static String uid(JsonNode node) {
        return node.path("metadata").path("uid").asText();
    }
}
