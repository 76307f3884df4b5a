package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** {@code providerConfig.s3}. {@code skipCertValidation} and {@code secure} are strings in real files ({@code "true"}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record S3Config(String bucketName, String endpoint, String skipCertValidation, String secure, String proxyURL,
        String rootCA, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public S3Config {
        unknownFields = Frozen.unknown(unknownFields);
    }

    public S3Config(String bucketName, String endpoint) {
        this(bucketName, endpoint, null, null, null, null, null);
    }

    /** Default false: TLS certificates are verified unless the user opts out. */
    public boolean skipCertValidationOrDefault() {
        return "true".equalsIgnoreCase(skipCertValidation);
    }

    /** Default true: HTTPS unless the user says otherwise. */
    public boolean secureOrDefault() {
        return !"false".equalsIgnoreCase(secure);
    }
}
