package io.mirrordrill.scenario.runner;

import io.mirrordrill.emulator.ontap.OntapCluster;
import io.mirrordrill.emulator.ontap.VolumeFiles;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.VolumeCreate;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.scenario.drill.WorldSpec;
import io.mirrordrill.scenario.workload.RecordFormat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The checker's incremental reads never show stale records: growth is parsed, any other change re-read. */
class VolumeReaderTest {
    private final WorldSpec world = new WorldSpec(List.of("east"), List.of(),
            List.of(new WorldSpec.Ontap("ontap-east", "east", List.of("svm-east"))), List.of(), List.of(), List.of(),
            Map.of());
    private final Estate estate = Estate.build(world, 1, RunOptions.defaults());
    private final OntapCluster ontap = estate.sim().ontap().cluster("ontap-east");

    private void await(JobRecord job) {
        estate.world().runUntil(() -> ontap.job(job.uuid()).state().isDone(), Duration.ofMinutes(1));
    }

    @Test
    void appendsAreReadIncrementallyAndARollbackIsReadAfresh() {
        await(ontap.createVolume(new VolumeCreate("v", "svm-east", 1L << 30, VolumeType.RW)));
        VolumeFiles files = estate.sim().ontap().files("ontap-east", "svm-east", "v", "east");
        VolumeReader reader = new VolumeReader(estate, world);

        files.append("r.log", RecordFormat.lines(1, 10, 32));
        assertEquals("1-10", reader.records("svm-east:v", "r.log").orElseThrow().describe(9));
        String volume = ontap.volume("svm-east", "v").orElseThrow().uuid();
        await(ontap.createSnapshot(volume, "s1", null, null));
        files.append("r.log", RecordFormat.lines(11, 20, 32));
        assertEquals("1-20", reader.records("svm-east:v", "r.log").orElseThrow().describe(9));

        await(ontap.restoreVolume(volume, "s1", true));
        files.append("r.log", RecordFormat.lines(21, 30, 32));  // as long as before, other records
        assertEquals("1-10,21-30", reader.records("svm-east:v", "r.log").orElseThrow().describe(9));
        files.append("r.log", RecordFormat.lines(31, 31, 32));
        assertEquals("1-10,21-31", reader.records("svm-east:v", "r.log").orElseThrow().describe(9));
    }

    @Test
    void recordsLongerThanABlockAreReadIncrementallyToo() {
        await(ontap.createVolume(new VolumeCreate("big", "svm-east", 1L << 30, VolumeType.RW)));
        VolumeFiles files = estate.sim().ontap().files("ontap-east", "svm-east", "big", "east");
        VolumeReader reader = new VolumeReader(estate, world);
        files.append("b.bin", RecordFormat.lines(1, 3, 8192));
        assertEquals("1-3", reader.records("svm-east:big", "b.bin").orElseThrow().describe(9));
        files.append("b.bin", RecordFormat.lines(4, 4, 8192));
        assertEquals("1-4", reader.records("svm-east:big", "b.bin").orElseThrow().describe(9));
        String volume = ontap.volume("svm-east", "big").orElseThrow().uuid();
        await(ontap.createSnapshot(volume, "s1", null, null));
        files.append("b.bin", RecordFormat.lines(5, 5, 8192));
        assertEquals("1-5", reader.records("svm-east:big", "b.bin").orElseThrow().describe(9));
        await(ontap.restoreVolume(volume, "s1", true));
        files.append("b.bin", RecordFormat.lines(6, 7, 8192)); // longer than before, record 5 gone
        assertEquals("1-4,6-7", reader.records("svm-east:big", "b.bin").orElseThrow().describe(9));
    }

    @Test
    void aTornLastLineCountsOnceItIsComplete() {
        await(ontap.createVolume(new VolumeCreate("t", "svm-east", 1L << 30, VolumeType.RW)));
        VolumeFiles files = estate.sim().ontap().files("ontap-east", "svm-east", "t", "east");
        VolumeReader reader = new VolumeReader(estate, world);
        byte[] eleven = RecordFormat.lines(11, 11, 32);
        files.append("r.log", RecordFormat.lines(1, 10, 32));
        files.append("r.log", java.util.Arrays.copyOf(eleven, 10));
        assertEquals("1-10", reader.records("svm-east:t", "r.log").orElseThrow().describe(9));
        files.append("r.log", java.util.Arrays.copyOfRange(eleven, 10, 32));
        assertEquals("1-11", reader.records("svm-east:t", "r.log").orElseThrow().describe(9));
        files.append("r.log", java.util.Arrays.copyOf(RecordFormat.lines(12, 12, 32), 5));
        assertEquals("1-11", reader.records("svm-east:t", "r.log").orElseThrow().describe(9));
    }
}
