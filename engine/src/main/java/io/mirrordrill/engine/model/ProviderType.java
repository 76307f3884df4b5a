package io.mirrordrill.engine.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code AppVault.spec.providerType}. Trident protect's CR page spells these CamelCase ({@code GenericS3}), its
 * replication page kebab-case ({@code generic-s3}): both are accepted in any case; CamelCase is what is written.
 */
public enum ProviderType implements NamedValue {
    AWS("AWS", "aws", true),
    AZURE("Azure", "azure", false),
    GCP("GCP", "gcp", false),
    GENERIC_S3("GenericS3", "generic-s3", true),
    ONTAP_S3("OntapS3", "ontap-s3", true),
    STORAGE_GRID_S3("StorageGridS3", "storagegrid-s3", true);

    private final String camelCase;
    private final String kebabCase;
    private final boolean s3;

    ProviderType(String camelCase, String kebabCase, boolean s3) {
        this.camelCase = camelCase;
        this.kebabCase = kebabCase;
        this.s3 = s3;
    }

    @Override
    public String value() {
        return camelCase;
    }

    public String kebabCase() {
        return kebabCase;
    }

    /** Whether the vault speaks S3 (configured under {@code providerConfig.s3}). */
    public boolean isS3() {
        return s3;
    }

    /** Either spelling, any case. */
    public static Optional<ProviderType> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(p -> p.camelCase.equalsIgnoreCase(raw) || p.kebabCase.equalsIgnoreCase(raw))
                .findFirst();
    }

    /** The CamelCase form of a known spelling; an unknown one is kept as written so validation can name it. */
    public static String canonical(String raw) {
        return parse(raw).map(ProviderType::value).orElse(raw);
    }

    /** Both spellings of every value, for messages. */
    public static String accepted() {
        return Arrays.stream(values()).map(p -> p.camelCase).collect(Collectors.joining(", ")) + " (or "
                + Arrays.stream(values()).map(p -> p.kebabCase).collect(Collectors.joining(", ")) + ")";
    }
}
