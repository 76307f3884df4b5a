package io.mirrordrill.engine.appvault;

import io.mirrordrill.engine.controller.Decision;
import io.mirrordrill.engine.controller.ProtectReconciler;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.ResourceStatus;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.S3Target;

import java.time.Duration;
import java.util.List;

/**
 * Keeps an AppVault's status true: resolve it (provider, spec, Secrets), connect to its bucket and check that the
 * bucket exists, and decide {@code state}, {@code error} and the {@code Ready} condition ({@link VaultStatus}); the
 * runtime writes them, only when they changed. An available vault is checked again every {@code recheck}; a failing one is
 * retried with the controller's backoff, since a Secret created later or a store coming back fixes it without an
 * AppVault event. Every message comes from this package or a port's error and carries no credential value.
 */
public final class AppVaultReconciler implements ProtectReconciler<AppVault, ResourceStatus> {
    public static final Duration DEFAULT_RECHECK = Duration.ofMinutes(5);

    private final ObjectStoreConnector connector;
    private final Duration recheck;
    private final AppVaultResolver resolver;

    public AppVaultReconciler(KubernetesPort kubernetes, ObjectStoreConnector connector, Duration recheck) {
        this.connector = connector;
        this.recheck = recheck;
        this.resolver = new AppVaultResolver(kubernetes);
    }

    public AppVaultReconciler(KubernetesPort kubernetes, ObjectStoreConnector connector) {
        this(kubernetes, connector, DEFAULT_RECHECK);
    }

    @Override
    public String kind() {
        return AppVault.KIND;
    }

    @Override
    public ResourceStatus emptyStatus() {
        return new ResourceStatus(null, null, List.of());
    }

    /** An AppVault that cannot be used is in state Error, a spec that does not bind included. */
    @Override
    public String failedState() {
        return VaultStatus.ERROR;
    }

    @Override
    public Decision<ResourceStatus> reconcile(AppVault vault) {
        return VaultStatus.of(vault.status(), check(vault), recheck);
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

    private static String withoutFinalPeriod(String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
