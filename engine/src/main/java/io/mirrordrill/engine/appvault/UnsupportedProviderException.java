package io.mirrordrill.engine.appvault;

import io.mirrordrill.engine.model.ProviderType;

/** A valid provider type that mirrordrill cannot connect to (Azure, GCP): only S3 kinds are implemented. */
public class UnsupportedProviderException extends AppVaultException {
    private final ProviderType provider;

    public UnsupportedProviderException(ProviderType provider) {
        super(VaultReasons.PROVIDER_NOT_SUPPORTED, "providerType " + provider.value()
                + " is not supported by mirrordrill yet; it connects to S3 vaults only (AWS, GenericS3, OntapS3,"
                + " StorageGridS3)", "use an S3 vault, e.g. providerType: GenericS3 with providerConfig.s3");
        this.provider = provider;
    }

    public ProviderType provider() {
        return provider;
    }
}
