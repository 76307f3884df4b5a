package io.mirrordrill.adapter.ontap;

import io.mirrordrill.adapter.tls.PemTrust;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS context of an ONTAP connection: the JVM's default trust (certificate and host name verified), the
 * configured {@code rootCA} certificates as the only roots, or, with {@code skipCertValidation}, no verification.
 */
final class Tls {
    private Tls() {}

    static SSLContext context(OntapRestConfig config) {
        try {
            if (config.skipCertValidation()) {
                return context(new TrustManager[] {new TrustAnything()});
            }
            if (config.rootCA() != null) {
                return context(roots(config.rootCA()).getTrustManagers());
            }
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new OntapConfigException("cannot set up TLS for " + config.baseUri() + ": " + e.getMessage(), e);
        }
    }

    private static SSLContext context(TrustManager[] trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust, null);
        return context;
    }

    private static TrustManagerFactory roots(String pem) {
        try {
            return PemTrust.roots(pem);
        } catch (IllegalArgumentException e) {
            throw new OntapConfigException("rootCA " + e.getMessage(), e);
        }
    }

    /**
     * Accepts every certificate. Being an extended trust manager, it also takes over the host name check, which
     * it skips: what {@code skipCertValidation} asks for.
     */
    private static final class TrustAnything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) { }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) { }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
