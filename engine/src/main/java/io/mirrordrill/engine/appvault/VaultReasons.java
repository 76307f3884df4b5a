package io.mirrordrill.engine.appvault;

/** The reasons of an AppVault's Ready condition: one word each, as Kubernetes condition reasons are. */
public final class VaultReasons {
    private VaultReasons() {}

    public static final String AVAILABLE = "BucketAvailable";
    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String PROVIDER_NOT_SUPPORTED = "ProviderNotSupported";
    public static final String SECRET_NOT_FOUND = "SecretNotFound";
    public static final String SECRET_KEY_NOT_FOUND = "SecretKeyNotFound";
    public static final String SECRET_VALUE_INVALID = "SecretValueInvalid";
    public static final String BUCKET_NOT_FOUND = "BucketNotFound";
    public static final String ACCESS_DENIED = "AccessDenied";
    public static final String UNREACHABLE = "Unreachable";
    public static final String STORE_UNAVAILABLE = "StoreUnavailable";
    public static final String STORE_ERROR = "StoreError";
}
