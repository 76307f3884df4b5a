package io.mirrordrill.adapter.ontap;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * How to reach one ONTAP cluster's REST API: the base URL (HTTPS unless the host is a loopback address), Basic
 * credentials, TLS verification (on by default; {@code rootCA} PEM certificates as the only trusted roots, or
 * {@code skipCertValidation}) and timeouts. {@link #toString()} never shows the password.
 */
public final class OntapRestConfig {
    private final URI baseUri;
    private final OntapCredentials credentials;
    private final boolean skipCertValidation;
    private final String rootCA;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    private OntapRestConfig(Builder b) {
        if (b.baseUrl == null) {
            throw new OntapConfigException("an ONTAP connection needs a base URL or management LIF");
        }
        if (b.credentials == null) {
            throw new OntapConfigException("an ONTAP connection to " + b.baseUrl + " needs credentials");
        }
        this.baseUri = baseUri(b.baseUrl);
        this.credentials = b.credentials;
        this.skipCertValidation = b.skipCertValidation;
        this.rootCA = b.rootCA;
        this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
        this.requestTimeout = positive(b.requestTimeout, "requestTimeout");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code host}, {@code host:port} or a management LIF address get {@code https://}; a full URL keeps its scheme,
     * and {@code http} is accepted only for loopback hosts (tests against a local emulator), never to send
     * credentials in the clear over a network.
     */
    static URI baseUri(String url) {
        String text = url.trim();
        if (!text.contains("://")) {
            long colons = text.chars().filter(c -> c == ':').count();
            text = "https://" + (colons > 1 && !text.startsWith("[") ? "[" + text + "]" : text);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new OntapConfigException("ONTAP base URL is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new OntapConfigException("ONTAP base URL needs https://host[:port], got " + url);
        }
        if (uri.getUserInfo() != null) {
            throw new OntapConfigException("ONTAP base URL must not carry credentials; give them separately");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw new OntapConfigException("ONTAP base URL is scheme://host[:port] only (the API is under /api), got "
                    + url);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new OntapConfigException("plain http to " + uri.getHost() + " would send the ONTAP password in the"
                    + " clear; use https (http is for loopback test servers only)");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new OntapConfigException(name + " must be positive, got " + d);
        }
        return d;
    }

    /** {@code scheme://host:port}, without any path. */
    public URI baseUri() {
        return baseUri;
    }

    public String username() {
        return credentials.username();
    }

    OntapCredentials credentials() {
        return credentials;
    }

    public boolean skipCertValidation() {
        return skipCertValidation;
    }

    public String rootCA() {
        return rootCA;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    @Override
    public String toString() {
        return "OntapRestConfig[" + baseUri + ", username=" + credentials.username() + ", password=****"
                + (skipCertValidation ? ", skipCertValidation" : "") + (rootCA != null ? ", rootCA" : "")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }

    public static final class Builder {
        private String baseUrl;
        private OntapCredentials credentials;
        private boolean skipCertValidation;
        private String rootCA;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);

        private Builder() {}

        /** {@code https://host[:port]}, {@code host[:port]} (https), or a management LIF address. */
        public Builder baseUrl(String url) {
            this.baseUrl = url;
            return this;
        }

        public Builder credentials(OntapCredentials given) {
            this.credentials = given;
            return this;
        }

        public Builder credentials(String username, String password) {
            return credentials(OntapCredentials.of(username, password));
        }

        /** Trust any certificate and host name (as the AppVault's {@code skipCertValidation}). */
        public Builder skipCertValidation(boolean skip) {
            this.skipCertValidation = skip;
            return this;
        }

        /** PEM certificates to trust instead of the JVM's default roots. */
        public Builder rootCA(String pem) {
            this.rootCA = pem;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** How long one request may take from sending to the whole answer. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public OntapRestConfig build() {
            return new OntapRestConfig(this);
        }
    }
}
