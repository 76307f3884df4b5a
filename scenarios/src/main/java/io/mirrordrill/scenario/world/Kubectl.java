package io.mirrordrill.scenario.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl apply -f FILE -n NAMESPACE} against a {@link KubernetesPort}: every document is created, or, when
 * it exists, replaced in everything but its status and server-set metadata (a two-way apply: fields removed from the
 * file are removed, which is what a drill that edits a file and re-applies it means).
 */
public final class Kubectl {
    private final KubernetesPort api;

    public Kubectl(KubernetesPort api) {
        this.api = api;
    }

    /** Applies YAML text; {@code namespace} is the default for namespaced documents that name none (may be null). */
    public List<GenericKubernetesResource> apply(String source, String yaml, String namespace) {
        return apply(ProtectYaml.parse(source, yaml), namespace);
    }

    public List<GenericKubernetesResource> apply(List<Document> documents, String namespace) {
        List<GenericKubernetesResource> applied = new ArrayList<>();
        for (Document d : documents) {
            applied.add(apply(d.tree().deepCopy(), namespace));
        }
        return applied;
    }

    public GenericKubernetesResource apply(ObjectNode tree, String namespace) {
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
        for (String field : List.of("uid", "resourceVersion", "creationTimestamp", "generation", "finalizers",
                "ownerReferences")) {
            if (current.path("metadata").has(field)) {
                mergedMeta.set(field, current.path("metadata").get(field));
            }
        }
        return api.update(Resources.fromTree(merged));
    }
}
