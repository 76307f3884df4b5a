package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.port.objectstore.S3Target;
import io.mirrordrill.sim.SimulationException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The S3 endpoints of a simulated world by host name, as DNS would resolve an AppVault's
 * {@code providerConfig.s3.endpoint}: each names one {@link S3Store} and the access keys it accepts. The port, scheme
 * and path of an endpoint do not matter, only its host (see {@link S3Target#hostOf}).
 */
public final class S3Endpoints {
    record Endpoint(S3Store store, AccessKeys keys) {}

    private final Map<String, Endpoint> byHost = new TreeMap<>();

    /** Makes {@code host} name {@code store}, accepting the given access keys. */
    public S3Endpoints add(String host, S3Store store, List<S3Credentials> accessKeys) {
        String normalized = S3Target.hostOf(host);
        if (normalized.isEmpty()) {
            throw new SimulationException("an S3 endpoint needs a host name, got '" + host + "'");
        }
        if (byHost.containsKey(normalized)) {
            throw new SimulationException("S3 endpoint " + normalized + " is already taken by store "
                    + byHost.get(normalized).store().name());
        }
        byHost.put(normalized, new Endpoint(store, new AccessKeys(accessKeys)));
        return this;
    }

    /** The store an endpoint names, if any. */
    public Optional<S3Store> store(String endpoint) {
        return find(endpoint).map(Endpoint::store);
    }

    /** A connector for engines running at {@code callerSite}. */
    public ObjectStoreConnector connector(String callerSite) {
        return new EmulatedS3Connector(this, callerSite);
    }

    Optional<Endpoint> find(String endpoint) {
        return Optional.ofNullable(byHost.get(S3Target.hostOf(endpoint)));
    }
}
