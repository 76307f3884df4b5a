package io.mirrordrill.engine.appvault;

import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.AppVaultSpec;
import io.mirrordrill.engine.model.CredentialSource;
import io.mirrordrill.engine.model.ProviderType;
import io.mirrordrill.engine.model.S3Config;
import io.mirrordrill.engine.model.validation.Problem;
import io.mirrordrill.engine.model.validation.Validator;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.objectstore.S3Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns an AppVault into the {@link S3Target} of its bucket: the provider must be an S3 kind, the spec valid, and
 * every credential readable from its Secret in the AppVault's own namespace. Problems are
 * {@link AppVaultException}s a person can act on; an unreachable Kubernetes API passes through unchanged.
 */
public final class AppVaultResolver {
    private static final List<String> S3_CREDENTIALS = List.of("accessKeyID", "secretAccessKey", "sessionToken");

    private final KubernetesPort kubernetes;

    public AppVaultResolver(KubernetesPort kubernetes) {
        this.kubernetes = kubernetes;
    }

    public ResolvedVault resolve(AppVault vault) {
        AppVaultSpec spec = vault.spec();
        ProviderType provider = spec == null ? null : spec.providerTypeValue().orElse(null);
        if (provider != null && !provider.isS3()) {
            throw new UnsupportedProviderException(provider);
        }
        List<Problem> problems = Validator.validateSpec(vault);
        if (!problems.isEmpty()) {
            throw new AppVaultException(VaultReasons.INVALID_SPEC, problems.stream()
                    .map(p -> (p.field().isEmpty() ? "" : p.field() + ": ") + p.message()).collect(Collectors.joining("; ")),
                    problems.stream().map(Problem::fix).distinct().collect(Collectors.joining("; ")));
        }
        SecretReader secrets = new SecretReader(kubernetes, vault.namespace());
        Map<String, CredentialSource> refs = spec.providerCredentials();
        String[] values = new String[S3_CREDENTIALS.size()];
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String credential = S3_CREDENTIALS.get(i);
            CredentialSource source = refs.get(credential);
            if (source != null) { // only sessionToken is optional; validation required the others
                String secret = source.valueFromSecret().name();
                String key = source.valueFromSecret().key();
                values[i] = secrets.read(credential, secret, key);
                sources.add(credential + " from Secret " + vault.namespace() + "/" + secret + " key " + key);
            }
        }
        S3Config s3 = spec.providerConfig().s3();
        String endpoint = s3.endpoint() == null || s3.endpoint().isBlank() ? S3Target.AWS_ENDPOINT : s3.endpoint();
        S3Target target = new S3Target(endpoint, s3.bucketName(), null, s3.secureOrDefault(),
                s3.skipCertValidationOrDefault(), blankToNull(s3.rootCA()), blankToNull(s3.proxyURL()), values[0],
                values[1], values[2]);
        return new ResolvedVault(vault.namespace(), vault.name(), provider, target, sources);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
