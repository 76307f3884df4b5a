package io.mirrordrill.emulator.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mirrordrill.emulator.ontap.blocks.DataPathException;
import io.mirrordrill.port.element.ElementPort;
import io.mirrordrill.port.element.ScheduleCreate;
import io.mirrordrill.port.element.VolumeAccess;
import io.mirrordrill.port.element.VolumeCreate;
import io.mirrordrill.port.element.VolumeModify;
import io.mirrordrill.sim.World;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the contract cannot see: determinism from the seed and the host's data path. */
class ElementClusterTest {

    /** A day of a 15-minute schedule with retention, writes and a rollback; returns the world's trace hash. */
    private static String day(long seed) {
        World world = new World(seed);
        ElementEmulator element = new ElementEmulator(world);
        world.network().site("dc1");
        element.addCluster("sf1", "dc1");
        ElementPort port = element.port("sf1", "dc1");
        long volume = port.createVolume(new VolumeCreate("pvc-a", port.addAccount("trident"), 1L << 30, true, null));
        port.createSchedule(ScheduleCreate.every("quarter", 0, 15, List.of(volume), "02:00:00"));
        VolumeData data = element.data("sf1", volume, "dc1");
        for (int hour = 0; hour < 24; hour++) {
            data.append("records.log", ("record " + hour + "\n").getBytes(StandardCharsets.UTF_8));
            world.advance(Duration.ofHours(1));
        }
        long first = port.listSnapshots(volume).get(0).snapshotID();
        port.rollbackToSnapshot(volume, first, true, "saved");
        world.advance(Duration.ofHours(1));
        return world.trace().hash() + " " + port.listVolumes().get(0).iqn();
    }

    @Test
    void theSameSeedGivesTheSameTraceAndIqnsAndAnotherSeedOtherIqns() {
        String first = day(7);
        String again = day(7); // a second world built from the same seed
        assertEquals(first, again, "the same seed gives the same trace hash and IQNs");
        assertNotEquals(first.split(" ")[1], day(8).split(" ")[1]);
    }

    /**
     * The seed's runbook: a snapshot schedule on the volume, data corrupted, the volume rolled back to the last
     * scheduled snapshot before the corruption. Exactly the records written after that snapshot are lost.
     */
    @Test
    void rollingBackToTheLastScheduledSnapshotBeforeACorruptionLosesOnlyTheWritesAfterIt() {
        World world = new World(2);
        ElementEmulator element = new ElementEmulator(world);
        world.network().site("dc1");
        element.addCluster("sf1", "dc1");
        ElementPort port = element.port("sf1", "dc1");
        long volume = port.createVolume(new VolumeCreate("pvc-db", port.addAccount("trident"), 1L << 30, true, null));
        port.createSchedule(ScheduleCreate.every("hourly", 1, 0, List.of(volume), "24:00:00"));
        VolumeData data = element.data("sf1", volume, "dc1");
        // one record every 10 minutes, each written once time reached its minute: records 1..32 up to 5:20
        for (int record = 1; record <= 32; record++) {
            world.advance(Duration.ofMinutes(10));
            data.append("records.log", (record + "\n").getBytes(StandardCharsets.UTF_8));
        }
        data.replace("records.log", "garbage".getBytes(StandardCharsets.UTF_8));
        var lastGood = port.listSnapshots(volume).stream()
                .filter(s -> s.createTime().isBefore(world.now())).reduce((a, b) -> b).orElseThrow();
        assertEquals(World.DEFAULT_START.plus(Duration.ofHours(5)), lastGood.createTime());

        port.rollbackToSnapshot(volume, lastGood.snapshotID(), true, "corrupted");

        String kept = new String(data.read("records.log"), StandardCharsets.UTF_8);
        // time reached 5:00 (and the snapshot ran) before record 30 was written: records 1..29 survive
        assertEquals(29, kept.lines().count());
        assertEquals("29", kept.lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(6, port.listSnapshots(volume).size());
    }

    @Test
    void aHostCannotWriteAVolumeThatIsNotReadWriteButCanStillReadIt() {
        World world = new World(1);
        ElementEmulator element = new ElementEmulator(world);
        world.network().site("dc1");
        ElementCluster cluster = element.addCluster("sf1", "dc1");
        long volume = cluster.createVolume(new VolumeCreate("ro", cluster.addAccount("a"), 1L << 30, false, null));
        VolumeData data = element.data("sf1", volume, "dc1");
        data.append("f", new byte[] {1});
        cluster.modifyVolume(VolumeModify.of(volume).withAccess(VolumeAccess.READ_ONLY));
        DataPathException e = assertThrows(DataPathException.class, () -> data.append("f", new byte[] {2}));
        assertEquals(DataPathException.Reason.READ_ONLY, e.reason());
        assertEquals(1, data.read("f").length);
    }

    @Test
    void aHostOfADeletedVolumeOrOffTheNetworkGetsIoErrors() {
        World world = new World(1);
        ElementEmulator element = new ElementEmulator(world);
        world.network().site("dc1").site("host").link("dc1", "host", Duration.ofMillis(1), 1_000_000L);
        ElementCluster cluster = element.addCluster("sf1", "dc1");
        long volume = cluster.createVolume(new VolumeCreate("v", cluster.addAccount("a"), 1L << 30, false, null));
        VolumeData data = element.data("sf1", volume, "host");
        world.network().partition("dc1", "host");
        assertEquals(DataPathException.Reason.UNREACHABLE,
                assertThrows(DataPathException.class, () -> data.list()).reason());
        world.network().heal("dc1", "host");
        cluster.deleteVolume(volume);
        assertEquals(DataPathException.Reason.NOT_FOUND,
                assertThrows(DataPathException.class, () -> data.list()).reason());
    }
}
