package io.mirrordrill.engine.amr;

import io.mirrordrill.engine.appvault.AppVaultException;
import io.mirrordrill.engine.appvault.AppVaultResolver;
import io.mirrordrill.engine.appvault.AppVaults;
import io.mirrordrill.engine.appvault.ResolvedVault;
import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchiveReader;
import io.mirrordrill.engine.archive.ArchiveWriter;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.ResourceStatus;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.port.objectstore.ObjectStorePort;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One AppVault an AMR names, resolved to its bucket: where archives are listed, read and copied to. */
final class Vault {
    final String name;
    final ResolvedVault resolved;
    /** The AppVault's status as its controller last wrote it (null: not yet checked). */
    final ResourceStatus status;
    private final ObjectStorePort store;
    private final Map<String, List<ArchivePath>> listed = new TreeMap<>();

    private Vault(String name, ResolvedVault resolved, ResourceStatus status, ObjectStorePort store) {
        this.name = name;
        this.resolved = resolved;
        this.status = status;
        this.store = store;
    }

    /** Finds and resolves the AppVault; a missing one or bad credentials are permanent problems. */
    static Vault open(KubernetesPort kube, ObjectStoreConnector connector, String name, String amrNamespace,
                      String field) {
        if (name == null || name.isBlank()) {
            throw new AmrException("InvalidSpec", field + " is empty: name the AppVault to use", true);
        }
        AppVault vault = AppVaults.find(kube, name, amrNamespace).map(r -> (AppVault) ProtectYaml.fromGeneric(r))
                .orElseThrow(() -> new AmrException("AppVaultNotFound", field + ": AppVault \"" + name
                        + "\" not found in namespace " + amrNamespace + " or " + AppVaults.PROTECT_NAMESPACE
                        + ". Fix: create it (kubectl apply -f <appvault>.yaml -n " + AppVaults.PROTECT_NAMESPACE + ")",
                        true));
        try {
            ResolvedVault resolved = new AppVaultResolver(kube).resolve(vault);
            return new Vault(name, resolved, vault.status(), connector.connect(resolved.target()));
        } catch (AppVaultException e) {
            throw new AmrException("AppVaultInvalid", field + ": AppVault \"" + name + "\": " + e.getMessage(), true);
        }
    }

    /**
     * The committed archives of an application, listed once per vault opened (a vault is opened per reconcile, so
     * the reference check and the step share one listing); a copy into this vault lists afresh.
     */
    List<ArchivePath> list(String appName, String appUid) {
        return listed.computeIfAbsent(appName + "_" + appUid,
                k -> new ArchiveReader(store, resolved.bucket()).list(appName, appUid));
    }

    /** The UIDs the application's name has archive folders under (see {@link ArchiveReader#uids}). */
    List<String> uids(String appName) {
        return new ArchiveReader(store, resolved.bucket()).uids(appName);
    }

    Archive read(ArchivePath path) {
        return new ArchiveReader(store, resolved.bucket()).read(path);
    }

    /**
     * Writes a copy of an archive read elsewhere, its verified bytes as they are; idempotent (the writer accepts
     * identical existing parts).
     */
    void copy(Archive archive) {
        listed.clear();
        new ArchiveWriter(store, resolved.bucket()).copy(archive);
    }
}
