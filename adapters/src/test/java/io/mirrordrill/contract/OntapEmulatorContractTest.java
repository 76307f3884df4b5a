package io.mirrordrill.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.sim.World;

import java.time.Duration;

/** The contract against the emulator itself, called from each cluster's own site; a fresh world per test. */
class OntapEmulatorContractTest extends OntapPortContract {
    private final World world = new World(17);
    private final OntapEmulator ontap = new OntapEmulator(world);
    private final OntapPort source;
    private final OntapPort destination;

    OntapEmulatorContractTest() {
        world.network().site("east").site("west").link("east", "west", Duration.ofMillis(10), 1_000_000L);
        ontap.addCluster(SOURCE, "east");
        ontap.addCluster(DESTINATION, "west");
        source = ontap.port(SOURCE, "east");
        destination = ontap.port(DESTINATION, "west");
    }

    @Override
    protected OntapPort source() {
        return source;
    }

    @Override
    protected OntapPort destination() {
        return destination;
    }

    @Override
    protected String interclusterAddress(String cluster) {
        return ontap.cluster(cluster).interclusterAddress();
    }

    @Override
    protected void letTimePass(Duration duration) {
        world.advance(duration);
    }

    /** Runs the world event by event until the job is done: no time passes beyond the job's end. */
    @Override
    protected JobRecord awaitJob(OntapPort port, JobRecord job) {
        assertTrue(world.runUntil(() -> port.job(job.uuid()).state().isDone(), Duration.ofMinutes(10)),
                () -> "job never finished: " + port.job(job.uuid()));
        return port.job(job.uuid());
    }

    @Override
    protected void writeBlocks(String cluster, String svm, String volume, String file, int firstBlock, int count,
                               char fill) {
        var files = ontap.files(cluster, svm, volume, ontap.cluster(cluster).site());
        byte[] block = String.valueOf(fill).repeat(4096).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            files.write(file, (long) (firstBlock + i) * 4096, block);
        }
    }

    @Override
    protected void siteOfCluster(String cluster, boolean up) {
        String site = ontap.cluster(cluster).site();
        if (up) {
            world.network().siteUp(site);
        } else {
            world.network().siteDown(site);
        }
    }
}
