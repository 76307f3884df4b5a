package io.mirrordrill.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkTest {
    private final World world = new World(3);
    private final Network net = world.network();

    NetworkTest() {
        net.site("A").site("B").site("C").link("A", "B", Duration.ofMillis(20), 100_000_000L);
    }

    @Test
    void transferTimeIsLatencyPlusSizeOverBandwidth() {
        assertEquals(Duration.ofMillis(20).plusSeconds(2), net.transferTime("A", "B", 200_000_000L));
        assertEquals(Duration.ofMillis(20).plusSeconds(2), net.transferTime("B", "A", 200_000_000L));
    }

    @Test
    void hugeTransfersDoNotOverflow() {
        long tenTiB = 10L << 40;
        assertEquals(Duration.ofMillis(20).plusNanos(tenTiB / 100_000_000L * 1_000_000_000L
                + (tenTiB % 100_000_000L) * 10), net.transferTime("A", "B", tenTiB));
    }

    @Test
    void sitesWithoutALinkCannotReachEachOther() {
        assertFalse(net.reachable("A", "C"));
        assertTrue(net.reachable("C", "C"));
        assertThrows(SimulationException.class, () -> net.transferTime("A", "C", 1));
    }

    @Test
    void aPartitionOrADownSiteCutsTrafficUntilHealed() {
        List<String> changes = new ArrayList<>();
        net.onChange(c -> changes.add(c.description()));
        net.partition("A", "B");
        assertFalse(net.reachable("A", "B"));
        net.heal("A", "B");
        assertTrue(net.reachable("A", "B"));
        net.siteDown("B");
        assertFalse(net.reachable("A", "B"));
        assertFalse(net.reachable("B", "B"));
        net.siteUp("B");
        assertTrue(net.reachable("A", "B"));
        assertEquals(List.of("link A<->B partitioned", "link A<->B healed", "site B down", "site B up"), changes);
    }

    @Test
    void degradeChangesLatencyAndBandwidth() {
        net.degrade("A", "B", Duration.ofMillis(200), 1_000_000L);
        assertEquals(Duration.ofMillis(200).plusSeconds(1), net.transferTime("A", "B", 1_000_000L));
    }

    @Test
    void unknownSitesAreNamedInTheError() {
        SimulationException e = assertThrows(SimulationException.class, () -> net.reachable("A", "Z"));
        assertTrue(e.getMessage().contains("'Z'"), e.getMessage());
    }
}
