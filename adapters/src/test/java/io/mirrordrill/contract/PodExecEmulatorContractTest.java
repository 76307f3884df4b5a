package io.mirrordrill.contract;

import io.mirrordrill.port.exec.PodExecPort;

/** The contract against the emulator's pod shell, called directly in simulated time. */
class PodExecEmulatorContractTest extends PodExecPortContract {
    @Override
    protected PodExecPort openPort() {
        return sim.exec();
    }
}
