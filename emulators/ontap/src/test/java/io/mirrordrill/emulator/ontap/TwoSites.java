package io.mirrordrill.emulator.ontap;

import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.RelationshipCreate;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.port.ontap.TransferRecord;
import io.mirrordrill.port.ontap.VolumeCreate;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.sim.World;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test world: cluster c1 (SVM svm1) at site "east", cluster c2 (SVM svm2) at site "west", a 100 MB/s link with
 * 10 ms latency, clusters and SVMs peered through the port like an administrator would.
 */
public final class TwoSites {
    public static final long GIB = 1L << 30;
    public static final long LINK_BANDWIDTH = 100_000_000L;

    public final World world;
    public final OntapEmulator ontap;
    public final OntapPort c1;
    public final OntapPort c2;
    public final List<String> transitions = new ArrayList<>();

    public TwoSites(long seed) {
        world = new World(seed);
        world.network().site("east").site("west").link("east", "west", Duration.ofMillis(10), LINK_BANDWIDTH);
        world.trace().subscribe(e -> {
            if (e.source().equals("snapmirror") && e.message().startsWith("transition ")) {
                transitions.add(e.message().substring(e.message().indexOf(' ', 11) + 1));
            }
        });
        ontap = new OntapEmulator(world);
        ontap.addCluster("c1", "east");
        ontap.addCluster("c2", "west");
        c1 = ontap.port("c1", "east");
        c2 = ontap.port("c2", "west");
        done(c1, c1.createSvm("svm1", SvmSubtype.DEFAULT));
        done(c2, c2.createSvm("svm2", SvmSubtype.DEFAULT));
        c1.createClusterPeer(List.of("c2.intercluster"), "correct horse battery");
        c2.createClusterPeer(List.of("c1.intercluster"), "correct horse battery");
        peerSvms("svm2", "svm1");
    }

    /** Peers an SVM of c2 with an SVM of c1: initiated on c2, accepted on c1. */
    public void peerSvms(String c2Svm, String c1Svm) {
        done(c2, c2.createSvmPeer(c2Svm, "c1", c1Svm, List.of("snapmirror")));
        String pending = c1.svmPeers().stream().filter(p -> p.state().equals("pending") && p.svm().equals(c1Svm))
                .findFirst().orElseThrow().uuid();
        done(c1, c1.acceptSvmPeer(pending));
    }

    public JobRecord done(OntapPort port, JobRecord job) {
        JobRecord last = finish(port, job);
        assertTrue(last.succeeded(), () -> "job failed: " + last);
        return last;
    }

    public JobRecord finish(OntapPort port, JobRecord job) {
        assertTrue(world.runUntil(() -> port.job(job.uuid()).state().isDone(), Duration.ofMinutes(10)),
                () -> "job never finished: " + job);
        return port.job(job.uuid());
    }

    public String volume(OntapPort port, String svm, String name, VolumeType type) {
        done(port, port.createVolume(new VolumeCreate(name, svm, 10 * GIB, type)));
        return port.volume(svm, name).orElseThrow().uuid();
    }

    public VolumeFiles files(String cluster, String svm, String volume) {
        return ontap.files(cluster, svm, volume, ontap.cluster(cluster).site());
    }

    /** A volume's file read directly, bypassing SVM state: what a stopped destination holds. */
    public byte[] readRaw(String cluster, String svm, String volume, String file) {
        return ontap.cluster(cluster).svms.get(svm).volumes.get(volume).fs.read(file);
    }

    public String relationship(String source, String destination, String policy, String schedule) {
        done(c2, c2.createRelationship(new RelationshipCreate(source, destination, policy, schedule)));
        return c2.relationships(false).stream().filter(r -> r.destinationPath().equals(destination))
                .findFirst().orElseThrow().uuid();
    }

    public RelationshipRecord rel(OntapPort port, String uuid) {
        return port.relationship(uuid).orElseThrow();
    }

    /** Sets a state through PATCH, waits for the job, and for any transfer it started. */
    public void patch(OntapPort port, String uuid, RelationshipState state) {
        done(port, port.patchRelationship(uuid, RelationshipPatch.state(state)));
        awaitTransfer(port, uuid);
    }

    public TransferRecord awaitTransfer(OntapPort port, String uuid) {
        assertTrue(world.runUntil(() -> {
            TransferRecord t = rel(port, uuid).transfer();
            return t == null || !t.state().isRunning();
        }, Duration.ofHours(1)));
        return rel(port, uuid).transfer();
    }

    public TransferRecord update(OntapPort port, String uuid) {
        port.startTransfer(uuid, null);
        return awaitTransfer(port, uuid);
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** One full block of a repeated character. */
    public static byte[] block(char c) {
        return String.valueOf(c).repeat(4096).getBytes(StandardCharsets.US_ASCII);
    }

    public static void assertBytes(long blocks, TransferRecord t) {
        assertEquals(blocks * 4096, t.bytesTransferred(), () -> "transfer " + t);
    }
}
