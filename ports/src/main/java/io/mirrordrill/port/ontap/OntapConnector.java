package io.mirrordrill.port.ontap;

/**
 * Reaches the ONTAP cluster behind a Trident backend's management LIF. In the simulated world the management LIF is
 * the emulated cluster's name; in production it is the address the REST adapter connects to, with the backend's
 * credentials.
 */
@FunctionalInterface
public interface OntapConnector {
    OntapPort connect(String managementLif);
}
