package io.mirrordrill.adapter.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an S3 endpoint: the fields of an AppVault's {@code spec.providerConfig.s3} and its S3 credentials.
 * {@link #toString()} never shows the secret key, the session token or a proxy password.
 *
 * <p>{@code endpoint} is {@code host[:port]} as the AppVault writes it (the scheme then follows {@code secure}), or a
 * full URL whose scheme must agree with {@code secure}.
 */
public final class S3Config {
    private final String endpoint;
    private final String region;
    private final boolean pathStyle;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;
    private final boolean secure;
    private final boolean skipCertValidation;
    private final String rootCA;
    private final String proxyUrl;
    private final int maxAttempts;
    private final boolean chunkedEncoding;
    private final Duration connectTimeout;
    private final Duration socketTimeout;

    private S3Config(Builder b) {
        this.endpoint = require(b.endpoint, "endpoint");
        this.region = require(b.region, "region");
        this.pathStyle = b.pathStyle;
        this.accessKeyId = require(b.accessKeyId, "accessKeyID");
        this.secretAccessKey = require(b.secretAccessKey, "secretAccessKey");
        this.sessionToken = b.sessionToken;
        this.secure = b.secure;
        this.skipCertValidation = b.skipCertValidation;
        this.rootCA = b.rootCA;
        this.proxyUrl = b.proxyUrl;
        this.maxAttempts = b.maxAttempts;
        this.chunkedEncoding = b.chunkedEncoding;
        this.connectTimeout = b.connectTimeout;
        this.socketTimeout = b.socketTimeout;
        if (maxAttempts < 1) {
            throw new S3ConfigException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The endpoint as a URL: the scheme from {@code secure} unless the endpoint names one, which must agree. */
    public URI endpointUri() {
        String scheme = secure ? "https" : "http";
        if (!endpoint.contains("://")) {
            return URI.create(scheme + "://" + endpoint);
        }
        URI uri = URI.create(endpoint);
        if (!scheme.equals(uri.getScheme())) {
            throw new S3ConfigException("providerConfig.s3.endpoint " + endpoint + " says " + uri.getScheme()
                    + " but secure is " + secure + "; drop the scheme or make them agree");
        }
        return uri;
    }

    public String endpoint() {
        return endpoint;
    }

    public String region() {
        return region;
    }

    public boolean pathStyle() {
        return pathStyle;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    String secretAccessKey() {
        return secretAccessKey;
    }

    String sessionToken() {
        return sessionToken;
    }

    public boolean secure() {
        return secure;
    }

    public boolean skipCertValidation() {
        return skipCertValidation;
    }

    public String rootCA() {
        return rootCA;
    }

    String proxyUrl() {
        return proxyUrl;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public boolean chunkedEncoding() {
        return chunkedEncoding;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration socketTimeout() {
        return socketTimeout;
    }

    @Override
    public String toString() {
        return "S3Config[endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + pathStyle + ", accessKeyID="
                + accessKeyId + ", secretAccessKey=***" + (sessionToken == null ? "" : ", sessionToken=***")
                + ", secure=" + secure + ", skipCertValidation=" + skipCertValidation + ", rootCA="
                + (rootCA == null ? "none" : "PEM") + ", proxyURL=" + (proxyUrl == null ? "none" : redact(proxyUrl))
                + ", maxAttempts=" + maxAttempts + ", chunkedEncoding=" + chunkedEncoding + "]";
    }

    /** A proxy URL without its user-info (which may carry a password). */
    static String redact(String url) {
        int at = url.lastIndexOf('@');
        int scheme = url.indexOf("://");
        return at < 0 ? url : (scheme < 0 ? "" : url.substring(0, scheme + 3)) + "***@" + url.substring(at + 1);
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new S3ConfigException("S3 configuration needs " + field);
        }
        return value;
    }

    /** Defaults follow the AppVault spec: {@code secure} true, {@code skipCertValidation} false. */
    public static final class Builder {
        private String endpoint;
        private String region = "us-east-1";
        private boolean pathStyle = true;
        private String accessKeyId;
        private String secretAccessKey;
        private String sessionToken;
        private boolean secure = true;
        private boolean skipCertValidation;
        private String rootCA;
        private String proxyUrl;
        private int maxAttempts = 3;
        private boolean chunkedEncoding = true;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration socketTimeout = Duration.ofSeconds(60);

        private Builder() {}

        public Builder endpoint(String value) {
            this.endpoint = value;
            return this;
        }

        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /** Path-style ({@code endpoint/bucket/key}) rather than virtual-hosted addressing; default true. */
        public Builder pathStyle(boolean value) {
            this.pathStyle = value;
            return this;
        }

        public Builder credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
            this.accessKeyId = accessKeyId;
            this.secretAccessKey = secretAccessKey;
            this.sessionToken = sessionToken;
            return this;
        }

        public Builder secure(boolean value) {
            this.secure = value;
            return this;
        }

        public Builder skipCertValidation(boolean value) {
            this.skipCertValidation = value;
            return this;
        }

        /** PEM text of the certificates to trust instead of the JDK's defaults. */
        public Builder rootCA(String pem) {
            this.rootCA = pem;
            return this;
        }

        public Builder proxyUrl(String value) {
            this.proxyUrl = value;
            return this;
        }

        /** Attempts per call including retries of throttling and network errors (SDK standard retry mode). */
        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        /**
         * Whether uploads use the SDK's aws-chunked framing (its default). Off, a PutObject is sent whole with its
         * SHA-256 signed (plain HTTP) or unsigned (HTTPS): for S3-compatible stores that mishandle aws-chunked.
         */
        public Builder chunkedEncoding(boolean value) {
            this.chunkedEncoding = value;
            return this;
        }

        public Builder timeouts(Duration connect, Duration socket) {
            this.connectTimeout = Objects.requireNonNull(connect);
            this.socketTimeout = Objects.requireNonNull(socket);
            return this;
        }

        public S3Config build() {
            return new S3Config(this);
        }
    }
}
