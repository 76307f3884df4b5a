package io.mirrordrill.adapter.s3;

import io.mirrordrill.adapter.tls.PemTrust;

import java.net.URI;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Builds the SDK's S3 client from an {@link S3Config}: the JDK's URL-connection HTTP client (no extra dependencies),
 * TLS verified by default, {@code rootCA} as the only trusted roots when given, {@code skipCertValidation} trusting
 * any certificate and host name, and an explicit proxy that ignores the JVM's proxy properties and environment.
 */
final class S3Clients {
    private S3Clients() {}

    static SdkHttpClient httpClient(S3Config config) {
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
                .connectionTimeout(config.connectTimeout())
                .socketTimeout(config.socketTimeout());
        if (config.rootCA() != null) {
            TrustManagerFactory trust = trustManagers(config.rootCA());
            http.tlsTrustManagersProvider(trust::getTrustManagers);
        }
        if (config.proxyUrl() != null) {
            http.proxyConfiguration(proxy(config.proxyUrl()));
        }
        AttributeMap defaults = AttributeMap.builder()
                .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, config.skipCertValidation())
                .build();
        return http.buildWithDefaults(defaults);
    }

    static S3Client s3(S3Config config, SdkHttpClient http) {
        AwsCredentials credentials = config.sessionToken() == null
                ? AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())
                : AwsSessionCredentials.create(config.accessKeyId(), config.secretAccessKey(), config.sessionToken());
        return S3Client.builder()
                .httpClient(http)
                .endpointOverride(config.endpointUri())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                .serviceConfiguration(c -> c.chunkedEncodingEnabled(config.chunkedEncoding()))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(config.maxAttempts()).build()))
                .build();
    }

    private static TrustManagerFactory trustManagers(String pem) {
        try {
            return PemTrust.roots(pem);
        } catch (IllegalArgumentException e) {
            throw new S3ConfigException("providerConfig.s3.rootCA " + e.getMessage(), e);
        }
    }

    private static ProxyConfiguration proxy(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new S3ConfigException("providerConfig.s3.proxyURL is not a URL: " + S3Config.redact(url));
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new S3ConfigException("providerConfig.s3.proxyURL needs scheme://host[:port], got "
                    + S3Config.redact(url));
        }
        ProxyConfiguration.Builder proxy = ProxyConfiguration.builder()
                .endpoint(URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? ""
                        : ":" + uri.getPort())))
                .useSystemPropertyValues(false)
                .useEnvironmentVariablesValues(false);
        if (uri.getUserInfo() != null) {
            String[] user = uri.getUserInfo().split(":", 2);
            proxy.username(user[0]);
            if (user.length == 2) {
                proxy.password(user[1]);
            }
        }
        return proxy.build();
    }
}
