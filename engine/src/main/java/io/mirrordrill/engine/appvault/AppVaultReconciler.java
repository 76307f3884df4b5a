package io.mirrordrill.engine.appvault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.runtime.Reconciler;
import io.mirrordrill.runtime.ResourceKey;
import io.mirrordrill.engine.controller.StatusPatch;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ResourceStatus;
import io.mirrordrill.engine.model.yaml.BindingException;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.Clock;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.ConflictException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.S3Target;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps an AppVault's status true: resolve it (provider, spec, Secrets), connect to its bucket and check that the
 * bucket exists, then write {@code state}, {@code error} and the {@code Ready} condition through the status
 * subresource, only when they changed. An available vault is checked again every {@code recheck}; a failing one is
 * retried with the controller's backoff, since a Secret created later or a store coming back fixes it without an
 * AppVault event. Every message comes from this package or a port's error and carries no credential value.
 */
public final class AppVaultReconciler implements Reconciler {
    public static final Duration DEFAULT_RECHECK = Duration.ofMinutes(5);

    private final KubernetesPort kubernetes;
    private final ObjectStoreConnector connector;
    private final Clock clock;
    private final Duration recheck;
    private final AppVaultResolver resolver;

    public AppVaultReconciler(KubernetesPort kubernetes, ObjectStoreConnector connector, Clock clock,
                              Duration recheck) {
        this.kubernetes = kubernetes;
        this.connector = connector;
        this.clock = clock;
        this.recheck = recheck;
        this.resolver = new AppVaultResolver(kubernetes);
    }

    public AppVaultReconciler(KubernetesPort kubernetes, ObjectStoreConnector connector, Clock clock) {
        this(kubernetes, connector, clock, DEFAULT_RECHECK);
    }

    @Override
    public Outcome reconcile(ResourceKey key) {
        Optional<GenericKubernetesResource> found = kubernetes.get(ProtectApi.API_VERSION, AppVault.KIND,
                key.namespace(), key.name());
        if (found.isEmpty() || found.get().getMetadata().getDeletionTimestamp() != null) {
            return Outcome.done();
        }
        AppVault vault;
        VaultCheck check;
        try {
            vault = (AppVault) ProtectYaml.fromGeneric(found.get());
            check = check(vault);
        } catch (BindingException e) {
            vault = withoutSpec(found.get());
            check = VaultCheck.failed(VaultReasons.INVALID_SPEC, e.getMessage(), false);
        }
        Outcome written = writeStatus(found.get(), vault, check);
        if (written != null) {
            return written;
        }
        if (check.available()) {
            return Outcome.requeueAfter(recheck);
        }
        // a store that is down is retried soon; a mistake waits for a person, so look again only now and then
        return check.transientFailure() ? Outcome.failed(check.message()) : Outcome.requeueAfter(recheck);
    }

    /** Resolves the vault and asks its store whether the bucket is there. */
    VaultCheck check(AppVault vault) {
        ResolvedVault resolved;
        try {
            resolved = resolver.resolve(vault);
        } catch (AppVaultException e) {
            return VaultCheck.failed(e);
        }
        String where = resolved.target().describe();
        ObjectStorePort store = null;
        try {
            store = connector.connect(resolved.target());
            if (store.bucketExists(resolved.bucket())) {
                return VaultCheck.available("bucket " + where + " is reachable with the AppVault's credentials");
            }
            return VaultCheck.failed(VaultReasons.BUCKET_NOT_FOUND, "bucket " + resolved.bucket()
                    + " does not exist at " + S3Target.redactUserInfo(resolved.target().endpoint())
                    + ". Fix: create it, or correct"
                    + " spec.providerConfig.s3.bucketName and endpoint", false);
        } catch (UnreachableException e) {
            return VaultCheck.failed(VaultReasons.UNREACHABLE, "cannot reach " + where + ": " + e.getMessage(), true);
        } catch (ObjectStoreException e) {
            return storeFailure(resolved, e);
        } catch (MirrordrillException e) { // the connector refused the configuration (rootCA, proxyURL)
            return VaultCheck.failed(VaultReasons.INVALID_SPEC, e.getMessage(), false);
        } finally {
            if (store != null) {
                ObjectStoreConnector.release(store);
            }
        }
    }

    private static VaultCheck storeFailure(ResolvedVault vault, ObjectStoreException e) {
        String answer = vault.target().describe() + " answered " + (e.httpStatus() == 0 ? "" : e.httpStatus() + " ")
                + e.code() + ": " + withoutFinalPeriod(e.getMessage());
        if (e.httpStatus() == 403) {
            return VaultCheck.failed(VaultReasons.ACCESS_DENIED, answer + ". Fix: check the values of "
                    + String.join(", ", vault.credentialSources()) + " (and the bucket policy)", false);
        }
        if (e.isRetryable() || e.httpStatus() == 0) {
            return VaultCheck.failed(VaultReasons.STORE_UNAVAILABLE, answer, true);
        }
        return VaultCheck.failed(VaultReasons.STORE_ERROR, answer, false);
    }

    /** Writes the status a check leads to; returns an outcome only when the write itself decides it. */
    private Outcome writeStatus(GenericKubernetesResource found, AppVault vault, VaultCheck check) {
        ResourceStatus next = VaultStatus.next(vault.status(), check, found.getMetadata().getGeneration(),
                clock.now());
        if (Objects.equals(next, vault.status())) {
            return null;
        }
        try {
            StatusPatch.write(kubernetes, found, vault.withStatus(next)); // the status only: a spec is never sent
            return null;
        } catch (ConflictException e) {
            return Outcome.requeueAfter(Duration.ZERO); // changed under us: look again at the new version
        } catch (NotFoundException e) {
            return Outcome.done();
        }
    }

    /** The metadata and status of an AppVault whose spec does not bind (or an empty status if that fails too). */
    private static AppVault withoutSpec(GenericKubernetesResource found) {
        ObjectNode tree = Resources.mapper().valueToTree(found);
        tree.remove("spec");
        try {
            return ProtectYaml.fromTree(tree, AppVault.class);
        } catch (BindingException e) {
            tree.remove("status");
            return ProtectYaml.fromTree(tree, AppVault.class);
        }
    }

    private static String withoutFinalPeriod(String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
