package io.mirrordrill.adapter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The module graph points one way ({@code emulators/*, adapters -> runtime -> ports}): nothing of the engine is on
 * the adapters' classpath, tests included, and the adapters' tests have every emulator on it: so neither an
 * emulator nor an adapter can lean on engine code.
 */
class ModuleGraphTest {
    @Test
    void theEngineIsNotOnTheClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.mirrordrill.engine.ProtectEngine"));
    }

    @Test
    void thePortsAreOnTheClasspath() throws ClassNotFoundException {
        Class.forName("io.mirrordrill.port.Clock"); // the check above cannot pass for a broken classpath
    }
}
