package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** One {@code providerCredentials} entry: the value comes from a Secret, never from the CR itself. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record CredentialSource(SecretKeyRef valueFromSecret, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public CredentialSource {
        unknownFields = Frozen.unknown(unknownFields);
    }

    public static CredentialSource fromSecret(String name, String key) {
        return new CredentialSource(new SecretKeyRef(name, key), null);
    }
}
