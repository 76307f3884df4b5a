package io.mirrordrill.contract;

import io.mirrordrill.adapter.s3.S3Config;
import io.mirrordrill.adapter.s3.S3ObjectStore;
import io.mirrordrill.port.objectstore.ObjectStorePort;

import java.net.URI;
import java.util.List;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The contract through the AWS SDK adapter against S3Proxy 4.1.0 with its in-memory (transient) store: a second,
 * independent S3 implementation, so the suite checks the adapter and the emulator against more than each other.
 * Uploads go without aws-chunked framing here (see below); the emulator's target covers the SDK's default framing.
 */
class S3ProxyContractIT extends ObjectStorePortContract {
    private static S3Proxy proxy;
    private static S3ObjectStore adapter;

    @BeforeAll
    static void start() throws Exception {
        proxy = S3Proxies.start();
        adapter = new S3ObjectStore(S3Config.builder()
                .endpoint(S3Proxies.endpoint(proxy))
                .secure(false)
                .credentials(S3Proxies.KEY, S3Proxies.SECRET, null)
                // S3Proxy 4.1.0 drops about one persistent connection in ten after an aws-chunked PutObject from
                // the URL-connection client ("Error writing request body to server"); whole-body uploads are exact.
                .chunkedEncoding(false)
                .build());
    }

    @AfterAll
    static void stop() throws Exception {
        adapter.close();
        proxy.stop();
    }

    @Override
    protected ObjectStorePort port() {
        return adapter;
    }

    @Override
    protected void uploadInParts(String bucket, String key, List<byte[]> parts) {
        try (S3Client s3 = S3ProtocolContract.client(URI.create(S3Proxies.endpoint(proxy)), S3Proxies.KEY,
                S3Proxies.SECRET, false)) {
            S3ProtocolContract.uploadInParts(s3, bucket, key, parts);
        }
    }
}
