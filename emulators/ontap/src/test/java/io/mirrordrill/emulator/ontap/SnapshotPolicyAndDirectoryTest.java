package io.mirrordrill.emulator.ontap;

import io.mirrordrill.emulator.ontap.blocks.DataPathException;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.SnapshotRecord;
import io.mirrordrill.port.ontap.VolumeModify;
import io.mirrordrill.port.ontap.VolumeType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code volume modify}: a snapshot policy takes its snapshots on the simulated clock and keeps its counts; the
 * {@code .snapshot} directory shows each snapshot's files read-only, and only when access is enabled.
 */
class SnapshotPolicyAndDirectoryTest {
    private final TwoSites w = new TwoSites(31);
    private final String vol = w.volume(w.c1, "svm1", "vol3", VolumeType.RW);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> names() {
        return w.c1.snapshots(vol).stream().map(SnapshotRecord::name).toList();
    }

    @Test
    void theDefaultPolicyTakesHourlySnapshotsAtFivePastKeepingSixAndDailyOnesAtTenPastMidnight() {
        w.done(w.c1, w.c1.modifyVolume(vol, new VolumeModify("default", null)));
        w.world.advance(Duration.ofHours(26));
        List<String> hourly = names().stream().filter(n -> n.startsWith("hourly.")).toList();
        assertEquals(6, hourly.size(), names().toString());
        assertTrue(hourly.get(5).endsWith("_0105"), hourly.toString());   // 2026-01-02 01:05, the newest
        assertEquals(List.of("daily.2026-01-01_0010", "daily.2026-01-02_0010"), names().stream()
                .filter(n -> n.startsWith("daily.")).toList());
        assertEquals("default", w.c1.volume("svm1", "vol3").orElseThrow().snapshotPolicy());
    }

    @Test
    void settingThePolicyBackToNoneStopsTheSnapshots() {
        w.done(w.c1, w.c1.modifyVolume(vol, new VolumeModify("default", null)));
        w.world.advance(Duration.ofHours(2));
        int taken = names().size();
        w.done(w.c1, w.c1.modifyVolume(vol, new VolumeModify("none", null)));
        w.world.advance(Duration.ofHours(5));
        assertEquals(taken, names().size());
    }

    @Test
    void anUnknownPolicyIsRefused() {
        OntapException e = assertThrows(OntapException.class, () -> w.c1.modifyVolume(vol,
                new VolumeModify("every-minute", null)));
        assertEquals(OntapErrors.INVALID, e.code());
        assertTrue(e.getMessage().contains("every-minute"), e.getMessage());
    }

    @Test
    void theSnapshotDirectoryShowsASnapshotsFilesOnlyWhenAccessIsEnabledAndNeverTakesWrites() {
        VolumeFiles files = w.files("c1", "svm1", "vol3");
        files.write("db", 0, bytes("before"));
        w.done(w.c1, w.c1.createSnapshot(vol, "s1", null, null));
        files.write("db", 0, bytes("after!"));

        assertFalse(files.exists(".snapshot/s1/db"), "hidden by default");
        assertThrows(DataPathException.class, () -> files.read(".snapshot/s1/db"));
        w.done(w.c1, w.c1.modifyVolume(vol, new VolumeModify(null, true)));

        assertTrue(files.exists(".snapshot/s1/db"));
        assertArrayEquals(bytes("before"), files.read(".snapshot/s1/db"));
        assertArrayEquals(bytes("after!"), files.read("db"));
        assertFalse(files.exists(".snapshot/s2/db"));
        DataPathException e = assertThrows(DataPathException.class, () -> files.write(".snapshot/s1/db", 0,
                bytes("x")));
        assertEquals(DataPathException.Reason.READ_ONLY, e.reason());
    }
}
