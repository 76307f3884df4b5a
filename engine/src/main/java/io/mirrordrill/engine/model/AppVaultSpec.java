package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Optional;

/** {@code AppVault.spec}: the bucket that holds archives and the Secret keys to reach it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record AppVaultSpec(String providerType, ProviderConfig providerConfig,
        Map<String, CredentialSource> providerCredentials, String dataMoverPasswordSecretRef, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public AppVaultSpec {
        providerType = ProviderType.canonical(providerType);
        providerCredentials = Frozen.map(providerCredentials);
        unknownFields = Frozen.unknown(unknownFields);
    }

    public AppVaultSpec(String providerType, ProviderConfig providerConfig, Map<String, CredentialSource> credentials) {
        this(providerType, providerConfig, credentials, null, null);
    }

    /** The provider, when the spelling is one of the accepted ones. */
    public Optional<ProviderType> providerTypeValue() {
        return ProviderType.parse(providerType);
    }
}
