package io.mirrordrill.engine.appvault;

import io.mirrordrill.engine.model.ProviderType;
import io.mirrordrill.port.objectstore.S3Target;

import java.util.List;

/**
 * An AppVault with its credentials read: where its bucket is and how to reach it. {@link #toString()} is safe to
 * print (the target hides its secrets).
 *
 * @param credentialSources {@code credential <- Secret namespace/name key k}, for messages about refused credentials
 */
public record ResolvedVault(String namespace, String name, ProviderType provider, S3Target target,
                            List<String> credentialSources) {
    public ResolvedVault {
        credentialSources = List.copyOf(credentialSources);
    }

    public String bucket() {
        return target.bucket();
    }
}
