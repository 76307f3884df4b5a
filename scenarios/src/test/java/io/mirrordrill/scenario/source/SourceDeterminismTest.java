package io.mirrordrill.scenario.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Same seed, same source-side drill: the same trace, entry for entry. */
class SourceDeterminismTest {

    /** Hooks, the seed's schedule for half an hour with the app writing, a manual snapshot deleted, a shutdown. */
    private static String drill(long seed) {
        SourceWorld w = new SourceWorld(seed);
        w.freezeHooks();
        w.cluster.apply("schedule.yaml", ScheduleTest.seedSchedule("replication", true), null);
        for (int minute = 0; minute < 30; minute++) {
            w.world.advance(Duration.ofSeconds(40));
            w.write();
            w.world.advance(Duration.ofSeconds(20));
        }
        w.snapshot("manual", "Delete");
        w.await("Snapshot", "manual", "Completed", Duration.ofMinutes(5));
        w.cluster.api().delete("protect.trident.netapp.io/v1", "Snapshot", SourceWorld.NS, "manual");
        w.cluster.apply("shutdown.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: ShutdownSnapshot
                metadata: {name: last, namespace: my-app-namespace}
                spec: {appVaultRef: src-vault, applicationRef: my-app-name}
                """, null);
        w.await("ShutdownSnapshot", "last", "Completed", Duration.ofMinutes(5));
        return w.world.world().trace().hash();
    }

    @Test
    void theSameSeedGivesTheSameTraceHashAndAnotherSeedAnother() {
        String first = drill(51);
        assertEquals(first, drill(51));
        assertNotEquals(first, drill(52));
    }
}
