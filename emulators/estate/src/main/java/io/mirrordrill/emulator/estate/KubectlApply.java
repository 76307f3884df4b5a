package io.mirrordrill.emulator.estate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl apply} of one object through a {@link KubernetesPort}: created, or, when it exists, replaced in
 * everything but its status and server-set metadata (a two-way apply: fields removed from the file are removed, which
 * is what a drill that edits a file and re-applies it means).
 */
public final class KubectlApply {
    private static final List<String> SERVER_SET = List.of("uid", "resourceVersion", "creationTimestamp",
            "generation", "finalizers", "ownerReferences");

    private KubectlApply() {
    }

    /** Applies {@code tree} (changed in place); {@code namespace} is the default for a namespaced object without one. */
    public static GenericKubernetesResource apply(KubernetesPort api, ObjectNode tree, String namespace) {
        String apiVersion = tree.path("apiVersion").asText();
        String kind = tree.path("kind").asText();
        ObjectNode meta = tree.with("metadata");
        boolean namespaced = api.resolve(apiVersion, kind).namespaced();
        if (namespaced && !meta.hasNonNull("namespace") && namespace != null) {
            meta.put("namespace", namespace);
        }
        String ns = namespaced ? meta.path("namespace").asText("default") : null;
        if (namespaced) {
            meta.put("namespace", ns);
        }
        tree.remove("status");
        Optional<GenericKubernetesResource> existing = api.get(apiVersion, kind, ns, meta.path("name").asText());
        if (existing.isEmpty()) {
            return api.create(Resources.fromTree(tree));
        }
        ObjectNode current = Resources.toTree(existing.get());
        ObjectNode merged = tree.deepCopy();
        ObjectNode mergedMeta = merged.with("metadata");
        for (String field : SERVER_SET) {
            if (current.path("metadata").has(field)) {
                mergedMeta.set(field, current.path("metadata").get(field));
            }
        }
        return api.update(Resources.fromTree(merged));
    }
}
