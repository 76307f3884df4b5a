package io.mirrordrill.contract;

import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.sim.World;

/** The contract against the in-memory store, called from its own site. */
class InMemoryStoreContractTest extends ObjectStorePortContract {
    private final World world = new World(7);
    private final ObjectStorePort port;

    InMemoryStoreContractTest() {
        world.network().site("dc1");
        port = new S3Store(world, "vault", "dc1").port("dc1");
    }

    @Override
    protected ObjectStorePort port() {
        return port;
    }
}
