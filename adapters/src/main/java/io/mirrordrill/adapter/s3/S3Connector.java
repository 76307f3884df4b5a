package io.mirrordrill.adapter.s3;

import io.mirrordrill.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.port.objectstore.S3Target;

import java.util.function.UnaryOperator;

/**
 * The production {@link ObjectStoreConnector}: an {@link S3ObjectStore} (AWS SDK v2) per target. Path-style
 * addressing everywhere except on Amazon's own endpoints, which want virtual-hosted buckets; the rest of
 * {@link S3Config} keeps its defaults unless {@code tuning} changes them (retries, timeouts).
 */
public final class S3Connector implements ObjectStoreConnector {
    private final UnaryOperator<S3Config.Builder> tuning;

    public S3Connector() {
        this(b -> b);
    }

    public S3Connector(UnaryOperator<S3Config.Builder> tuning) {
        this.tuning = tuning;
    }

    /** The caller closes the store ({@link ObjectStoreConnector#release}). */
    @Override
    public S3ObjectStore connect(S3Target target) {
        return new S3ObjectStore(config(target));
    }

    S3Config config(S3Target target) {
        S3Config.Builder builder = S3Config.builder()
                .endpoint(target.endpoint())
                .region(target.region())
                .pathStyle(!target.host().endsWith("amazonaws.com"))
                .credentials(target.accessKeyID(), target.secretAccessKey(), target.sessionToken())
                .secure(target.secure())
                .skipCertValidation(target.skipCertValidation())
                .rootCA(target.rootCA())
                .proxyUrl(target.proxyURL());
        return tuning.apply(builder).build();
    }
}
