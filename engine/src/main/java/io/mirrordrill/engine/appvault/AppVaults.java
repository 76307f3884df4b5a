package io.mirrordrill.engine.appvault;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.port.kubernetes.KubernetesPort;

import java.util.Optional;

/**
 * Finds the AppVault a protect resource names: in the resource's own namespace first (the seed applies vaults into
 * the application namespace too), then in {@value #PROTECT_NAMESPACE}, where Trident protect keeps them.
 */
public final class AppVaults {
    public static final String PROTECT_NAMESPACE = "trident-protect";

    private AppVaults() {}

    /** The AppVault object as stored; binding it is the caller's business (each reports problems its own way). */
    public static Optional<GenericKubernetesResource> find(KubernetesPort kubernetes, String name, String namespace) {
        Optional<GenericKubernetesResource> found = kubernetes.get(ProtectApi.API_VERSION, AppVault.KIND, namespace,
                name);
        if (found.isEmpty() && !PROTECT_NAMESPACE.equals(namespace)) {
            found = kubernetes.get(ProtectApi.API_VERSION, AppVault.KIND, PROTECT_NAMESPACE, name);
        }
        return found;
    }
}
