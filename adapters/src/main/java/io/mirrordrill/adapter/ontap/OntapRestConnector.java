package io.mirrordrill.adapter.ontap;

import io.mirrordrill.port.ontap.OntapConnector;
import io.mirrordrill.port.ontap.OntapPort;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The production {@link OntapConnector}: a Trident backend's management LIF ({@code 10.0.0.5},
 * {@code cluster1.example.com:8443} or a full {@code https://} URL) becomes the base URL of an {@link OntapRestPort}
 * with the credentials configured for that LIF. One port per LIF is kept and reused. An {@code address} function may
 * send a LIF elsewhere (a tunnel, or an emulated estate whose LIFs are names): the credentials stay the LIF's.
 */
public final class OntapRestConnector implements OntapConnector {
    private final Function<String, OntapCredentials> credentials;
    private final UnaryOperator<OntapRestConfig.Builder> tuning;
    private final UnaryOperator<String> address;
    private final Map<String, OntapRestPort> ports = new TreeMap<>();

    /** @param credentials the credentials of a management LIF, or null when none are configured */
    public OntapRestConnector(Function<String, OntapCredentials> credentials) {
        this(credentials, b -> b);
    }

    /** @param tuning TLS and timeout settings applied to every connection */
    public OntapRestConnector(Function<String, OntapCredentials> credentials,
                              UnaryOperator<OntapRestConfig.Builder> tuning) {
        this(credentials, UnaryOperator.identity(), tuning);
    }

    /**
     * @param address the base URL (or address) to connect to for a management LIF; identity to connect to the LIF
     * @param tuning TLS and timeout settings applied to every connection
     */
    public OntapRestConnector(Function<String, OntapCredentials> credentials, UnaryOperator<String> address,
                              UnaryOperator<OntapRestConfig.Builder> tuning) {
        this.credentials = credentials;
        this.address = address;
        this.tuning = tuning;
    }

    @Override
    public synchronized OntapPort connect(String managementLif) {
        OntapRestPort port = ports.get(managementLif);
        if (port == null) {
            port = new OntapRestPort(config(managementLif));
            ports.put(managementLif, port);
        }
        return port;
    }

    OntapRestConfig config(String managementLif) {
        if (managementLif == null || managementLif.isBlank()) {
            throw new OntapConfigException("a Trident backend needs a managementLIF to reach ONTAP");
        }
        OntapCredentials given = credentials.apply(managementLif);
        if (given == null) {
            throw new OntapConfigException("no ONTAP credentials are configured for management LIF " + managementLif);
        }
        return tuning.apply(OntapRestConfig.builder().baseUrl(address.apply(managementLif)).credentials(given)).build();
    }
}
