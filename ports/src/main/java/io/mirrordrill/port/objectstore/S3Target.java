package io.mirrordrill.port.objectstore;

import java.util.Locale;
import java.util.Objects;

/**
 * Everything needed to reach one bucket of an S3-compatible store: an AppVault's {@code providerConfig.s3} plus the
 * credential values read from its Secrets. {@link #toString()} shows no credential value and no proxy password, so a
 * target can be logged or put in a message as it is.
 *
 * @param endpoint {@code host[:port]} as an AppVault writes it, or a URL whose scheme agrees with {@code secure}
 * @param region the signing region; S3-compatible stores accept {@link #DEFAULT_REGION}
 * @param rootCA PEM certificates to trust instead of the defaults, or null
 * @param proxyURL {@code scheme://[user:password@]host:port}, or null for a direct connection
 * @param sessionToken null unless the credentials are temporary
 */
public record S3Target(String endpoint, String bucket, String region, boolean secure, boolean skipCertValidation,
                       String rootCA, String proxyURL, String accessKeyID, String secretAccessKey,
                       String sessionToken) {
    public static final String DEFAULT_REGION = "us-east-1";
    /** Where an {@code AWS} vault without an endpoint goes. */
    public static final String AWS_ENDPOINT = "s3.amazonaws.com";

    public S3Target {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(accessKeyID, "accessKeyID");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        region = region == null ? DEFAULT_REGION : region;
    }

    /** The host named by {@link #endpoint()}: see {@link #hostOf}. */
    public String host() {
        return hostOf(endpoint);
    }

    /** The host of an endpoint ({@code host}, {@code host:port} or a URL), lower case, without scheme, port or path. */
    public static String hostOf(String endpoint) {
        String rest = endpoint.contains("://") ? endpoint.substring(endpoint.indexOf("://") + 3) : endpoint;
        int slash = rest.indexOf('/');
        rest = slash < 0 ? rest : rest.substring(0, slash);
        rest = rest.substring(rest.lastIndexOf('@') + 1);
        if (rest.startsWith("[")) { // IPv6 literal
            int close = rest.indexOf(']');
            return (close < 0 ? rest : rest.substring(0, close + 1)).toLowerCase(Locale.ROOT);
        }
        int colon = rest.indexOf(':');
        return (colon < 0 ? rest : rest.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    /** {@code s3://<endpoint>/<bucket>}, for messages. */
    public String describe() {
        return "s3://" + redactUserInfo(endpoint) + "/" + bucket;
    }

    @Override
    public String toString() {
        return "S3Target[endpoint=" + redactUserInfo(endpoint) + ", bucket=" + bucket + ", region=" + region
                + ", secure=" + secure + ", skipCertValidation=" + skipCertValidation
                + ", rootCA=" + (rootCA == null ? "none" : "PEM")
                + ", proxyURL=" + (proxyURL == null ? "none" : redactUserInfo(proxyURL))
                + ", accessKeyID=***, secretAccessKey=***" + (sessionToken == null ? "" : ", sessionToken=***") + "]";
    }

    /** A URL without the user-info part, which may carry a password. */
    public static String redactUserInfo(String url) {
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = url.indexOf('/', start);
        String authority = end < 0 ? url.substring(start) : url.substring(start, end);
        int at = authority.lastIndexOf('@');
        return at < 0 ? url : url.substring(0, start) + "***@" + url.substring(start + at + 1);
    }
}
