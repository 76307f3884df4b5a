package io.mirrordrill.contract;

import io.mirrordrill.adapter.element.ElementJsonRpcPort;
import io.mirrordrill.emulator.element.ElementEmulator;
import io.mirrordrill.emulator.element.VolumeData;
import io.mirrordrill.emulator.element.server.ElementJsonRpcServer;
import io.mirrordrill.port.element.ElementPort;
import io.mirrordrill.sim.World;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract through the JSON-RPC adapter: the emulator's Element JSON-RPC server on 127.0.0.1, reached at
 * {@code /json-rpc/12.3} with Basic credentials. The server runs owner-driven: simulated time passes when the test
 * advances the world through {@link ElementJsonRpcServer#advance}. Host I/O and site failures are done to the
 * emulator under the server's lock, as iSCSI hosts and the network would.
 */
class ElementJsonRpcContractIT extends ElementPortContract {
    private final World world = new World(17, START);
    private final ElementEmulator element = new ElementEmulator(world);
    private final ElementJsonRpcServer server;
    private final ElementPort port;

    ElementJsonRpcContractIT() {
        world.network().site("dc1");
        element.addCluster("sf1", "dc1");
        server = ElementJsonRpcServer.builder(element, "sf1", "admin", "sf-Passw0rd").start();
        port = new ElementJsonRpcPort(server.endpoint("12.3"), "admin", "sf-Passw0rd");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ElementPort port() {
        return port;
    }

    @Override
    protected void letTimePass(Duration duration) {
        server.advance(duration);
    }

    @Override
    protected void write(long volumeID, String file, String content) {
        server.withLock(() -> element.data("sf1", volumeID, "dc1")
                .replace(file, content.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    protected String read(long volumeID, String file) {
        return server.withLock(() -> {
            VolumeData data = element.data("sf1", volumeID, "dc1");
            return data.exists(file) ? new String(data.read(file), StandardCharsets.UTF_8) : null;
        });
    }

    @Override
    protected void clusterReachable(boolean reachable) {
        server.withLock(() -> {
            if (reachable) {
                world.network().siteUp("dc1");
            } else {
                world.network().siteDown("dc1");
            }
        });
    }
}
