package io.mirrordrill.contract;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

import java.net.URI;

/** S3Proxy 4.1.0 with its in-memory store on 127.0.0.1, the second S3 implementation the contracts run against. */
final class S3Proxies {
    static final String KEY = "proxy-key";
    static final String SECRET = "proxy-secret";

    private S3Proxies() {
    }

    /** A started S3Proxy on an ephemeral loopback port, signing with {@link #KEY} and {@link #SECRET}. */
    static S3Proxy start() throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, KEY, SECRET)
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
        return proxy;
    }

    static String endpoint(S3Proxy proxy) {
        return "http://127.0.0.1:" + proxy.getPort();
    }
}
