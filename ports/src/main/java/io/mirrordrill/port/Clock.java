package io.mirrordrill.port;

import java.time.Instant;

/** The time port: the only way engine, emulator and drill code learn what time it is. */
public interface Clock {
    /** The current instant, in UTC. */
    Instant now();
}
