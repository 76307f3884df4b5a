package io.mirrordrill.sim;

import io.mirrordrill.port.MirrordrillException;

/** Misuse of the simulation kernel: an unknown site, time going backwards, a run that exceeds its limit. */
public class SimulationException extends MirrordrillException {
    public SimulationException(String message) {
        super(message);
    }
}
