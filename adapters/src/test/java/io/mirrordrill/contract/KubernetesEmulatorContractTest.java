package io.mirrordrill.contract;

import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.sim.World;

import java.time.Duration;

/** The contract against the in-memory emulator, in simulated time: waiting means advancing the world's clock. */
class KubernetesEmulatorContractTest extends KubernetesPortContract {
    private static final Duration STEP = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofMinutes(1);

    private final World world = new World(20260101L);

    @Override
    protected KubernetesPort openPort() {
        world.network().site("dc-east").site("ops").link("dc-east", "ops", Duration.ofMillis(15), 125_000_000L);
        return new KubernetesCluster(world, "east", "dc-east").port("ops");
    }

    @Override
    protected void eventually(Runnable assertion) {
        for (Duration waited = Duration.ZERO; waited.compareTo(PATIENCE) < 0; waited = waited.plus(STEP)) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                world.advance(STEP);
            }
        }
        assertion.run();
    }

    @Override
    protected void makeUnreachable() {
        world.network().partition("dc-east", "ops");
    }
}
