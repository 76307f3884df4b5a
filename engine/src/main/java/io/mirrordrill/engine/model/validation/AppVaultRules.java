package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Findings.quote;

import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.AppVaultSpec;
import io.mirrordrill.engine.model.CredentialSource;
import io.mirrordrill.engine.model.ProviderConfig;
import io.mirrordrill.engine.model.ProviderType;
import io.mirrordrill.engine.model.S3Config;
import java.util.List;
import java.util.Map;

/** AppVault: a known provider, the config block for it, and every credential it needs taken from a Secret. */
final class AppVaultRules {
    private static final List<String> S3_REQUIRED = List.of("accessKeyID", "secretAccessKey");
    private static final List<String> S3_ALLOWED = List.of("accessKeyID", "secretAccessKey", "sessionToken");

    private AppVaultRules() {
    }

    static void check(AppVault vault, Findings f) {
        AppVaultSpec spec = vault.spec();
        if (!f.require("spec", spec, "add spec with providerType, providerConfig and providerCredentials")) {
            return;
        }
        ProviderType provider = null;
        if (f.require("spec.providerType", spec.providerType(), "set providerType to one of " + ProviderType.accepted())) {
            provider = spec.providerTypeValue().orElse(null);
            if (provider == null) {
                f.add("spec.providerType", "unknown provider type " + quote(spec.providerType()),
                        "use one of " + ProviderType.accepted());
            }
        }
        providerConfig(spec.providerConfig(), provider, f);
        credentials(spec.providerCredentials(), provider, f);
    }

    private static void providerConfig(ProviderConfig config, ProviderType provider, Findings f) {
        String example = provider == null || provider.isS3() ? "s3: {bucketName: <bucket>, endpoint: <host>}"
                : provider == ProviderType.AZURE ? "azure: {accountName: <account>, bucketName: <container>}"
                        : "gcp: {bucketName: <bucket>, projectID: <project>}";
        if (!f.require("spec.providerConfig", config, "add providerConfig with " + example) || provider == null) {
            return;
        }
        String at = "spec.providerConfig";
        if (provider.isS3()) {
            S3Config s3 = config.s3();
            if (f.require(at + ".s3", s3, "add " + example + " (provider " + provider.value() + ")")) {
                f.require(at + ".s3.bucketName", s3.bucketName(), "name the bucket that holds the archives");
                if (provider != ProviderType.AWS) { // AWS has a default endpoint; other S3 stores do not
                    f.require(at + ".s3.endpoint", s3.endpoint(), "set the S3 endpoint, e.g. s3.example.com");
                }
                bool(f, at + ".s3.skipCertValidation", s3.skipCertValidation());
                bool(f, at + ".s3.secure", s3.secure());
            }
        } else if (provider == ProviderType.AZURE) {
            if (f.require(at + ".azure", config.azure(), "add " + example)) {
                f.require(at + ".azure.accountName", config.azure().accountName(), "set the storage account name");
                f.require(at + ".azure.bucketName", config.azure().bucketName(), "name the blob container");
            }
        } else if (f.require(at + ".gcp", config.gcp(), "add " + example)) {
            f.require(at + ".gcp.bucketName", config.gcp().bucketName(), "name the bucket that holds the archives");
            f.require(at + ".gcp.projectID", config.gcp().projectID(), "set the Google Cloud project ID");
        }
    }

    private static void bool(Findings f, String field, String value) {
        if (value != null && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            f.add(field, quote(value) + " is neither \"true\" nor \"false\"", "write \"true\" or \"false\"");
        }
    }

    private static void credentials(Map<String, CredentialSource> credentials, ProviderType provider, Findings f) {
        List<String> required = required(provider);
        List<String> allowed = provider == null ? null : provider.isS3() ? S3_ALLOWED : required;
        String field = "spec.providerCredentials";
        if (!f.require(field, credentials, "add " + (required.isEmpty() ? "the credentials" : String.join(" and ",
                required)) + ", each as valueFromSecret: {name: <secret>, key: <key>}")) {
            return;
        }
        for (String name : required) {
            if (!credentials.containsKey(name)) {
                f.add(field + "." + name, "is missing (provider " + provider.value() + " needs it)",
                        "add " + name + ": {valueFromSecret: {name: <secret in this namespace>, key: " + name + "}}");
            }
        }
        for (Map.Entry<String, CredentialSource> entry : credentials.entrySet()) {
            String at = field + "." + entry.getKey();
            if (allowed != null && !allowed.contains(entry.getKey())) {
                f.add(at, "unknown credential " + quote(entry.getKey()) + " for provider " + provider.value(),
                        "use " + String.join(", ", allowed));
                continue;
            }
            CredentialSource source = entry.getValue();
            if (f.require(at, source, "write valueFromSecret: {name: <secret>, key: <key>}")
                    && f.require(at + ".valueFromSecret", source.valueFromSecret(), "add valueFromSecret with the"
                            + " name of a Secret in the AppVault's namespace and the key that holds the value")) {
                String secret = source.valueFromSecret().name();
                if (f.require(at + ".valueFromSecret.name", secret, "set the name of the Secret (in the AppVault's"
                        + " namespace) that holds " + entry.getKey())) {
                    Checks.objectName(f, at + ".valueFromSecret.name", secret);
                }
                f.require(at + ".valueFromSecret.key", source.valueFromSecret().key(),
                        "set the key of the Secret that holds " + entry.getKey() + ", e.g. key: " + entry.getKey());
            }
        }
    }

    private static List<String> required(ProviderType provider) {
        if (provider == null) {
            return List.of();
        }
        return provider.isS3() ? S3_REQUIRED : provider == ProviderType.AZURE ? List.of("accountKey")
                : List.of("credentials");
    }
}
