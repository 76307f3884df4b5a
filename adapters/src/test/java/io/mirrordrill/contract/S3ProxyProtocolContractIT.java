package io.mirrordrill.contract;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The protocol contract against S3Proxy 4.1.0 (in-memory store), a second S3 implementation; whole-body uploads, as
 * in {@link S3ProxyContractIT}. Its departures from S3 are named in {@link #gap}.
 */
class S3ProxyProtocolContractIT extends S3ProtocolContract {
    private static S3Proxy proxy;
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        proxy = S3Proxies.start();
        s3 = client(URI.create(S3Proxies.endpoint(proxy)), S3Proxies.KEY, S3Proxies.SECRET, false);
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        proxy.stop();
    }

    @Override
    protected S3Client s3() {
        return s3;
    }

    @Override
    protected String gap(Capability capability) {
        return switch (capability) {
            case DELETE_BUCKET_WITH_UPLOADS -> "it answers 409 BucketNotEmpty while an upload is in progress; S3 "
                    + "deletes the bucket and its uploads";
            case IF_MATCH_OVERRIDES_IF_UNMODIFIED_SINCE -> "it answers 412 when If-Unmodified-Since fails even though "
                    + "If-Match holds; S3 documents 200";
            case PART_ORDER_CHECKED -> "it completes an upload whose parts are listed out of order";
            case FINISHED_UPLOAD_REFUSED -> "it lists no parts of, and accepts parts for, an aborted or completed "
                    + "upload, where S3 answers 404 NoSuchUpload";
            case SECOND_PRECISION_TIMES -> "it compares conditional dates with millisecond modification times, so "
                    + "Last-Modified itself counts as before the modification";
            default -> null;
        };
    }
}
