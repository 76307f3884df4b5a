package io.mirrordrill.contract;

import io.mirrordrill.emulator.element.ElementEmulator;
import io.mirrordrill.emulator.element.VolumeData;
import io.mirrordrill.port.element.ElementPort;
import io.mirrordrill.sim.World;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The contract against the emulator itself, called from an operator's site next to the cluster's. */
class ElementEmulatorContractTest extends ElementPortContract {
    private final World world = new World(17, START);
    private final ElementEmulator element = new ElementEmulator(world);
    private final ElementPort port;

    ElementEmulatorContractTest() {
        world.network().site("dc1").site("ops").link("dc1", "ops", Duration.ofMillis(1), 1_000_000_000L);
        element.addCluster("sf1", "dc1");
        port = element.port("sf1", "ops");
    }

    @Override
    protected ElementPort port() {
        return port;
    }

    @Override
    protected void letTimePass(Duration duration) {
        world.advance(duration);
    }

    @Override
    protected void write(long volumeID, String file, String content) {
        element.data("sf1", volumeID, "dc1").replace(file, content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected String read(long volumeID, String file) {
        VolumeData data = element.data("sf1", volumeID, "dc1");
        return data.exists(file) ? new String(data.read(file), StandardCharsets.UTF_8) : null;
    }

    @Override
    protected void clusterReachable(boolean reachable) {
        if (reachable) {
            world.network().siteUp("dc1");
        } else {
            world.network().siteDown("dc1");
        }
    }
}
