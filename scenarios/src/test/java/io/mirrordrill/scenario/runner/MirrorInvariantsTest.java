package io.mirrordrill.scenario.runner;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.RelationshipCreate;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.SvmState;
import io.mirrordrill.port.ontap.SvmSubtype;
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
 * The invariants on mirrored data, on estates driven by hand through the ONTAP ports: an activated SVM-DR
 * destination and an imported mirror hold the last transfer's records; a record planted or lost behind the ledger's
 * back is named.
 */
class MirrorInvariantsTest {
    private Estate estate;
    private final Ledger ledger = new Ledger();
    private Checkpoint checkpoint;
    private long next = 1;

    private void world(String drill, long seed) {
        WorldSpec world = DrillParser.parse(Path.of("drills", drill)).world();
        estate = Estate.build(world, seed, RunOptions.defaults());
        checkpoint = new Checkpoint(estate, ledger, new TraceWatch(estate), new AmrWatch(estate), new Promotions(),
                new VolumeReader(estate, world));
    }

    private OntapPort port(String cluster) {
        return estate.sim().ontap().port(cluster, estate.sim().ontap().cluster(cluster).site());
    }

    private void await(OntapPort port, JobRecord job) {
        assertTrue(estate.world().runUntil(() -> port.job(job.uuid()).state().isDone(), Duration.ofMinutes(5)));
        assertTrue(port.job(job.uuid()).succeeded(), () -> port.job(job.uuid()).toString());
    }

    private void write(String cluster, String svm, String volume, int n) {
        estate.sim().ontap().files(cluster, svm, volume, estate.sim().ontap().cluster(cluster).site())
                .append("records.log", RecordFormat.lines(next, next + n - 1, 32));
        ledger.add(new Ledger.Run("app", next, next + n - 1, new Location("k8s", "shop", "db"), svm + ":" + volume,
                "/data", "records.log", estate.world().now(), estate.world().trace().size()));
        next += n;
    }

    /** Initializes (or updates) and waits until the transfer is done and nothing runs. */
    private RelationshipRecord mirrored(OntapPort dst, String destinationPath) {
        RelationshipRecord r = dst.relationshipTo(destinationPath).orElseThrow();
        await(dst, dst.patchRelationship(r.uuid(), RelationshipPatch.state(RelationshipState.SNAPMIRRORED)));
        assertTrue(estate.world().runUntil(() -> {
            RelationshipRecord now = dst.relationship(r.uuid()).orElseThrow();
            return now.exportedSnapshot() != null && (now.transfer() == null || !now.transfer().state().isRunning());
        }, Duration.ofMinutes(10)));
        return dst.relationship(r.uuid()).orElseThrow();
    }

    private void broken(OntapPort dst, RelationshipRecord r) {
        await(dst, dst.patchRelationship(r.uuid(), RelationshipPatch.state(RelationshipState.PAUSED)));
        await(dst, dst.patchRelationship(r.uuid(), RelationshipPatch.state(RelationshipState.BROKEN_OFF)));
        assertTrue(estate.world().runUntil(() -> dst.relationship(r.uuid()).orElseThrow().state()
                == RelationshipState.BROKEN_OFF, Duration.ofMinutes(5)));
    }

    /** svm1 with volume v1 replicated to svm_backup, 5 records transferred and 3 after, then activated. */
    private void activatedSvmDr(Runnable afterStart) {
        world("svm-dr-activate.yaml", 9);
        estate.sim().ontap().addSvm("c2", "svm_backup", SvmSubtype.DP_DESTINATION);
        estate.sim().peer("c2", "svm_backup", "c1", "svm1");
        OntapPort c1 = port("c1");
        OntapPort c2 = port("c2");
        await(c1, c1.createVolume(new VolumeCreate("v1", "svm1", 2L << 30, VolumeType.RW)));
        write("c1", "svm1", "v1", 5);
        await(c2, c2.createRelationship(new RelationshipCreate("svm1:", "svm_backup:", "MirrorAllSnapshots", null,
                "full")));
        RelationshipRecord r = mirrored(c2, "svm_backup:");
        write("c1", "svm1", "v1", 3);
        broken(c2, r);
        await(c1, c1.setSvmState("svm1", SvmState.STOPPED));
        await(c2, c2.setSvmState("svm_backup", SvmState.RUNNING));
        afterStart.run();
    }

    @Test
    void anActivatedSvmDrDestinationServingTheLastTransferKeepsTheRule() {
        activatedSvmDr(() -> { });
        assertEquals(List.of(), new SvmDrServesSource().check(checkpoint));
        assertTrue(checkpoint.done.stream().anyMatch(k -> k.startsWith("svm-dr-destination-serves-source/")),
                "the activation was checked");
    }

    @Test
    void anActivatedDestinationWithARecordTheTransferNeverCarriedBreaksTheRule() {
        activatedSvmDr(() -> estate.sim().ontap().files("c2", "svm_backup", "v1", "dc-b")
                .append("records.log", RecordFormat.lines(7, 7, 32)));
        List<Invariant.Violation> found = new SvmDrServesSource().check(checkpoint);
        assertEquals(1, found.size(), found.toString());
        assertEquals("svm-dr-destination-serves-source", found.get(0).invariant());
        assertTrue(found.get(0).evidence().contains("svm_backup:v1 records.log: missing"), found.get(0).evidence());
        assertTrue(found.get(0).evidence().contains("not expected 7"), found.get(0).evidence());
    }

    /** db_data mirrored to db_data_dr (5 records transferred, 3 after), broken, imported on k8s-west. */
    private void importedMirror(Runnable beforeImport) {
        world("volume-dr-import.yaml", 11);
        OntapPort east = port("ontap-east");
        OntapPort west = port("ontap-west");
        await(east, east.createVolume(new VolumeCreate("db_data", "svm-east", 2L << 30, VolumeType.RW)));
        write("ontap-east", "svm-east", "db_data", 5);
        await(west, west.createVolume(new VolumeCreate("db_data_dr", "svm-west", 2L << 30, VolumeType.DP)));
        await(west, west.createRelationship(new RelationshipCreate("svm-east:db_data", "svm-west:db_data_dr",
                "MirrorAllSnapshots", null)));
        RelationshipRecord r = mirrored(west, "svm-west:db_data_dr");
        write("ontap-east", "svm-east", "db_data", 3);
        broken(west, r);
        beforeImport.run();
        var k = estate.cluster("k8s-west");
        k.simulator().addBackend("nas-dr", "ontap-nas", "ontap-west", "svm-west");
        k.storageClass("gold", "nas-dr", true);
        GenericKubernetesResource claim = Resources.fromTree(ProtectYaml.parse("pvc.yaml", """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec: {accessModes: [ReadWriteOnce], storageClassName: gold, resources: {requests: {storage: 2Gi}}}
                """).get(0).tree());
        k.simulator().importVolume("nas-dr", "db_data_dr", claim);
    }

    @Test
    void anImportedMirrorBoundToItsClaimKeepsTheRule() {
        importedMirror(() -> { });
        assertEquals(List.of(), new ImportBindsMirror().check(checkpoint));
        assertTrue(checkpoint.done.stream().anyMatch(k -> k.startsWith("import-binds-mirrored-data/")),
                "the import was checked");
    }

    @Test
    void anImportedMirrorLackingARecordOfTheLastTransferBreaksTheRule() {
        importedMirror(() -> estate.sim().ontap().files("ontap-west", "svm-west", "db_data_dr", "west")
                .write("records.log", 0, "#".getBytes()));
        List<Invariant.Violation> found = new ImportBindsMirror().check(checkpoint);
        assertEquals(1, found.size(), found.toString());
        assertEquals("import-binds-mirrored-data", found.get(0).invariant());
        assertTrue(found.get(0).evidence().contains("svm-east:db_data -> svm-west:db_data_dr records.log: missing"),
                found.get(0).evidence());
    }
}
