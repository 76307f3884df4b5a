package io.mirrordrill.port;

import io.mirrordrill.port.MirrordrillException;

/** A port could not reach its system: the site is down, the network is partitioned, the endpoint refuses. */
public class UnreachableException extends MirrordrillException {
    private final String endpoint;

    public UnreachableException(String endpoint, String reason) {
        super(endpoint + " unreachable: " + reason);
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }
}
