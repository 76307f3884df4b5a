package io.mirrordrill.engine.model.validation;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.ProtectResource;
import java.util.List;

/**
 * A validated file: every document in file order as a generic Kubernetes resource (what a Kubernetes port stores,
 * Secrets included), and the Trident protect ones also typed.
 */
public record LoadedFile(String source, List<GenericKubernetesResource> documents,
        List<ProtectResource<?, ?>> resources) {
    public LoadedFile {
        documents = List.copyOf(documents);
        resources = List.copyOf(resources);
    }
}
