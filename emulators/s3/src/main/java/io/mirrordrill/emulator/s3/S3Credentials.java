package io.mirrordrill.emulator.s3;

import java.util.Objects;

/**
 * An access key the S3 server accepts. The secret and session token never appear in {@link #toString()}.
 *
 * @param sessionToken when not null, requests must carry it in {@code x-amz-security-token} (temporary credentials)
 */
public record S3Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    public S3Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    public static S3Credentials of(String accessKeyId, String secretAccessKey) {
        return new S3Credentials(accessKeyId, secretAccessKey, null);
    }

    @Override
    public String toString() {
        return "S3Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***"
                + (sessionToken == null ? "" : ", sessionToken=***") + "]";
    }
}
