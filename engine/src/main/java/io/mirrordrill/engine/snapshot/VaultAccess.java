package io.mirrordrill.engine.snapshot;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.appvault.AppVaultException;
import io.mirrordrill.engine.appvault.AppVaultResolver;
import io.mirrordrill.engine.appvault.ResolvedVault;
import io.mirrordrill.engine.appvault.AppVaults;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.yaml.BindingException;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.objectstore.ObjectStoreConnector;

import java.util.Optional;

/**
 * Finds the AppVault a snapshot names and opens its bucket. A vault is looked for in the snapshot's own namespace,
 * then in {@value #PROTECT_NAMESPACE}, where Trident protect keeps its vaults (the seed also applies one into the
 * application's namespace).
 */
final class VaultAccess {
    private static final String PROTECT_NAMESPACE = AppVaults.PROTECT_NAMESPACE;

    private final KubernetesPort kubernetes;
    private final ObjectStoreConnector connector;

    VaultAccess(KubernetesPort kubernetes, ObjectStoreConnector connector) {
        this.kubernetes = kubernetes;
        this.connector = connector;
    }

    AppVault find(String name, String namespace) {
        Optional<GenericKubernetesResource> found = AppVaults.find(kubernetes, name, namespace);
        if (found.isEmpty()) {
            throw new SnapshotException(SnapshotException.APP_VAULT_NOT_FOUND, "AppVault " + name + " not found in"
                    + " namespace " + namespace + " or " + PROTECT_NAMESPACE + ". Fix: create it, or set"
                    + " spec.appVaultRef to an existing AppVault");
        }
        try {
            return (AppVault) ProtectYaml.fromGeneric(found.get());
        } catch (BindingException e) {
            throw new SnapshotException(SnapshotException.APP_VAULT_UNUSABLE, "AppVault " + name + ": "
                    + e.getMessage());
        }
    }

    VaultBucket open(AppVault vault) {
        ResolvedVault resolved;
        try {
            resolved = new AppVaultResolver(kubernetes).resolve(vault);
        } catch (AppVaultException e) {
            throw new SnapshotException(SnapshotException.APP_VAULT_UNUSABLE, "AppVault " + vault.namespace() + "/"
                    + vault.name() + ": " + e.getMessage());
        }
        return new VaultBucket(connector.connect(resolved.target()), resolved.bucket());
    }
}
