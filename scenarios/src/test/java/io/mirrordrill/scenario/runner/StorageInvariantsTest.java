package io.mirrordrill.scenario.runner;

import io.mirrordrill.emulator.ontap.VolumeFiles;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.VolumeCreate;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.drill.WorldSpec;
import io.mirrordrill.scenario.workload.Ledger;
import io.mirrordrill.scenario.workload.Location;
import io.mirrordrill.scenario.workload.RecordFormat;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storage invariants on an estate driven by hand: each holds when ONTAP does what it should, and names the
 * volume and the records when the volume holds something else (data planted behind the ledger's back).
 */
class StorageInvariantsTest {
    private static final WorldSpec WORLD = DrillParser.parse(Path.of("drills", "ontap-snapshot-restore.yaml")).world();

    private final Estate estate = Estate.build(WORLD, 7, RunOptions.defaults());
    private final Ledger ledger = new Ledger();
    private final TraceWatch trace = new TraceWatch(estate);
    private final Checkpoint checkpoint = new Checkpoint(estate, ledger, trace, new AmrWatch(estate),
            new Promotions(), new VolumeReader(estate, WORLD));
    private final OntapPort ontap = estate.sim().ontap().port("cluster1", "dc1");
    private long next = 1;

    private void await(JobRecord job) {
        assertTrue(estate.world().runUntil(() -> ontap.job(job.uuid()).state().isDone(), Duration.ofMinutes(5)));
        assertTrue(ontap.job(job.uuid()).succeeded(), () -> ontap.job(job.uuid()).toString());
    }

    private VolumeFiles files() {
        return estate.sim().ontap().files("cluster1", "vs0", "vol3", "dc1");
    }

    /** An accepted append of {@code n} records, in the volume and in the ledger. */
    private void write(int n) {
        files().append("records.log", RecordFormat.lines(next, next + n - 1, 32));
        ledger.add(new Ledger.Run("app", next, next + n - 1, new Location("k8s", "shop", "db"), "vs0:vol3", "/data",
                "records.log", estate.world().now(), estate.world().trace().size()));
        next += n;
    }

    private String uuid() {
        return ontap.volume("vs0", "vol3").orElseThrow().uuid();
    }

    private List<Invariant.Violation> restoredTo(String snapshot) {
        await(ontap.restoreVolume(uuid(), snapshot, false));
        return new SnapshotRestoreReturns().check(checkpoint);
    }

    private void volumeWithASnapshotAndLaterWrites() {
        await(ontap.createVolume(new VolumeCreate("vol3", "vs0", 2L << 30, VolumeType.RW)));
        write(5);
        await(ontap.createSnapshot(uuid(), "snap1", null, null));
        write(3);
    }

    @Test
    void aRestoreThatReturnsTheVolumeToItsSnapshotKeepsTheRule() {
        volumeWithASnapshotAndLaterWrites();
        assertEquals(List.of(), restoredTo("snap1"));
        write(2);
        assertEquals(List.of(), new SnapshotRestoreReturns().check(checkpoint), "checked once per restore");
    }

    @Test
    void aVolumeHoldingRecordsWrittenAfterItsSnapshotBreaksTheRuleNamingThem() {
        volumeWithASnapshotAndLaterWrites();
        await(ontap.restoreVolume(uuid(), "snap1", false));
        files().append("records.log", RecordFormat.lines(7, 7, 32));   // a restore that kept a later record
        List<Invariant.Violation> found = new SnapshotRestoreReturns().check(checkpoint);
        assertEquals(1, found.size(), found.toString());
        assertEquals("snapshot-restore-returns-to-snapshot", found.get(0).invariant());
        assertTrue(found.get(0).evidence().contains("vs0:vol3 records.log"), found.get(0).evidence());
        assertTrue(found.get(0).evidence().contains("missing none, not expected 7"), found.get(0).evidence());
    }

    @Test
    void aVolumeMissingRecordsOfItsSnapshotBreaksTheRule() {
        volumeWithASnapshotAndLaterWrites();
        await(ontap.restoreVolume(uuid(), "snap1", false));
        files().write("records.log", 0, "#".getBytes());   // the first record's line no longer reads as one
        List<Invariant.Violation> found = new SnapshotRestoreReturns().check(checkpoint);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().contains("snapshot snap1"), found.get(0).message());
        assertTrue(found.get(0).evidence().contains("missing"), found.get(0).evidence());
    }
}
