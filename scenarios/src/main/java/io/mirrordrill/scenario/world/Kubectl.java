package io.mirrordrill.scenario.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.estate.KubectlApply;
import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.KubernetesPort;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl apply -f FILE -n NAMESPACE} against a {@link KubernetesPort}: the file's documents, each applied
 * as {@link KubectlApply} does (created, or replaced in all but status and server-set metadata).
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
        return KubectlApply.apply(api, tree, namespace);
    }
}
