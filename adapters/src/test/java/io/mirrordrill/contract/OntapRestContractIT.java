package io.mirrordrill.contract;

import io.mirrordrill.adapter.ontap.OntapCredentials;
import io.mirrordrill.adapter.ontap.OntapRestConnector;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.emulator.ontap.rest.OntapRestServer;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.sim.World;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract through the REST adapter: one ONTAP REST server per cluster on 127.0.0.1, reached through the
 * {@link OntapRestConnector} by management LIF with per-LIF credentials. The servers run owner-driven: simulated
 * time passes when the test advances the world through {@link OntapRestServer#advance}, and jobs are awaited by
 * polling {@code /api/cluster/jobs/{uuid}} over HTTP in between. Client data and site failures are done to the
 * emulator under the servers' lock, as NFS clients and the network would.
 */
class OntapRestContractIT extends OntapPortContract {
    private final World world = new World(17);
    private final OntapEmulator ontap = new OntapEmulator(world);
    private final OntapRestServer sourceServer;
    private final OntapRestServer destinationServer;
    private final OntapPort source;
    private final OntapPort destination;

    OntapRestContractIT() {
        world.network().site("east").site("west").link("east", "west", Duration.ofMillis(10), 1_000_000L);
        ontap.addCluster(SOURCE, "east");
        ontap.addCluster(DESTINATION, "west");
        sourceServer = OntapRestServer.builder(ontap, SOURCE, "admin", "east-Passw0rd").start();
        destinationServer = OntapRestServer.builder(ontap, DESTINATION, "vsadmin", "west-Passw0rd").start();
        String sourceLif = sourceServer.endpoint().toString();
        String destinationLif = destinationServer.endpoint().toString();
        Map<String, OntapCredentials> credentials = Map.of(
                sourceLif, OntapCredentials.of("admin", "east-Passw0rd"),
                destinationLif, OntapCredentials.of("vsadmin", "west-Passw0rd"));
        OntapRestConnector connector = new OntapRestConnector(credentials::get);
        source = connector.connect(sourceLif);
        destination = connector.connect(destinationLif);
    }

    @AfterEach
    void stop() {
        sourceServer.close();
        destinationServer.close();
    }

    @Override
    protected OntapPort source() {
        return source;
    }

    @Override
    protected OntapPort destination() {
        return destination;
    }

    @Override
    protected String interclusterAddress(String cluster) {
        return sourceServer.withLock(() -> ontap.cluster(cluster).interclusterAddress());
    }

    @Override
    protected void letTimePass(Duration duration) {
        sourceServer.advance(duration);
    }

    @Override
    protected void writeBlocks(String cluster, String svm, String volume, String file, int firstBlock, int count,
                               char fill) {
        byte[] block = String.valueOf(fill).repeat(4096).getBytes(StandardCharsets.US_ASCII);
        sourceServer.withLock(() -> {
            var files = ontap.files(cluster, svm, volume, ontap.cluster(cluster).site());
            for (int i = 0; i < count; i++) {
                files.write(file, (long) (firstBlock + i) * 4096, block);
            }
        });
    }

    @Override
    protected void siteOfCluster(String cluster, boolean up) {
        sourceServer.withLock(() -> {
            String site = ontap.cluster(cluster).site();
            if (up) {
                world.network().siteUp(site);
            } else {
                world.network().siteDown(site);
            }
        });
    }
}
