package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.port.objectstore.S3Target;

/**
 * The simulated world's {@link ObjectStoreConnector}: an AppVault's endpoint resolves through {@link S3Endpoints} to
 * a store, reached from the connector's site. Every request presents the target's credentials and is refused the way
 * the S3 server refuses a request signed with them. TLS settings, proxy and region have no simulated counterpart and
 * are ignored; an endpoint naming no store fails like an unresolvable host name.
 */
final class EmulatedS3Connector implements ObjectStoreConnector {
    private final S3Endpoints endpoints;
    private final String callerSite;

    EmulatedS3Connector(S3Endpoints endpoints, String callerSite) {
        this.endpoints = endpoints;
        this.callerSite = callerSite;
    }

    @Override
    public S3StoreHandle connect(S3Target target) {
        S3Endpoints.Endpoint endpoint = endpoints.find(target.endpoint()).orElseThrow(() ->
                new UnreachableException("s3://" + target.host(), "unknown host " + target.host()
                        + " (no S3 endpoint of that name in this world)"));
        S3Store store = endpoint.store();
        store.world().network().isSiteUp(callerSite); // an unknown site is a drill bug: fail now, not at a request
        S3Credentials presented = new S3Credentials(target.accessKeyID(), target.secretAccessKey(),
                target.sessionToken());
        return new S3StoreHandle(store, callerSite, (bucket, key) -> endpoint.keys().authenticate(presented, bucket,
                key));
    }
}
