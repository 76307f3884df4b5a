package io.mirrordrill.scenario.workflow;

import io.mirrordrill.emulator.k8s.cluster.WorkloadIoException;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.RelationshipCreate;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.SvmState;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.port.ontap.VolumeCreate;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.scenario.world.SimCluster;
import io.mirrordrill.scenario.world.SimWorld;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storage-level recovery paths of the Trident documentation (seed 002): ONTAP snapshot restore, volume DR with
 * SnapMirror break and Trident volume import, and SVM-DR activation with a Trident backend update.
 */
class StorageRecoveryTest {
    private static final String NS = "shop";
    static final String APP = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: db}
            spec:
              replicas: 1
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers:
                  - name: db
                    image: postgres:16
                    volumeMounts: [{name: data, mountPath: /data}]
                  volumes:
                  - name: data
                    persistentVolumeClaim: {claimName: data}
            """;
    static final String CLAIM = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data}
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: %s
              resources: {requests: {storage: 2Gi}}
            """;

    private final List<Integer> written = new ArrayList<>();

    private static String pod(SimCluster c) {
        return c.api().list("v1", "Pod", NS, LabelSelector.everything()).get(0).getMetadata().getName();
    }

    private static boolean running(SimCluster c) {
        var pods = c.api().list("v1", "Pod", NS, LabelSelector.everything());
        return !pods.isEmpty() && "Running".equals(Resources.toTree(pods.get(0)).path("status").path("phase").asText());
    }

    private void write(SimCluster c) {
        int n = written.size() + 1;
        c.simulator().workloads().append(NS, pod(c), "/data", "records.log", (n + "\n").getBytes(StandardCharsets.UTF_8));
        written.add(n);
    }

    private static List<Integer> records(SimCluster c) {
        return new String(c.simulator().workloads().read(NS, pod(c), "/data", "records.log"), StandardCharsets.UTF_8)
                .lines().map(Integer::parseInt).toList();
    }

    private static void await(SimWorld w, OntapPort port, JobRecord job) {
        assertTrue(w.world().runUntil(() -> port.job(job.uuid()).state().isDone(), Duration.ofMinutes(5)));
        assertTrue(port.job(job.uuid()).succeeded(), () -> port.job(job.uuid()).toString());
    }

    private static String internalName(SimCluster c) {
        var pvc = c.get("v1", "PersistentVolumeClaim", NS, "data").orElseThrow();
        return c.get("v1", "PersistentVolume", null, pvc.path("spec").path("volumeName").asText()).orElseThrow()
                .path("spec").path("csi").path("volumeAttributes").path("internalName").asText();
    }

    private static SimCluster app(SimCluster c, String storageClass) {
        c.namespace(NS).apply("claim.yaml", CLAIM.formatted(storageClass), NS);
        c.apply("app.yaml", APP, NS);
        return c;
    }

    @Test
    void anOntapSnapshotRestoreDiscardsEverythingWrittenAfterTheSnapshot() {
        SimWorld w = new SimWorld(81).site("east").ontapCluster("ontap-east", "east").svm("ontap-east", "svm-east");
        SimCluster k = app(w.kubernetes("k8s", "east").backend("nas", "ontap-east", "svm-east")
                .storageClass("gold", "nas", true), "gold");
        w.world().runUntil(() -> running(k), Duration.ofMinutes(5));
        write(k);
        write(k);
        OntapPort ontap = w.ontap().port("ontap-east", "east");
        String volume = ontap.volume("svm-east", internalName(k)).orElseThrow().uuid();
        await(w, ontap, ontap.createSnapshot(volume, "vol3_snap_archive", null, null));
        write(k);
        await(w, ontap, ontap.restoreVolume(volume, "vol3_snap_archive", false));
        assertEquals(List.of(1, 2), records(k));
    }

    @Test
    void volumeDrBreaksTheMirrorAndImportsTheVolumeIntoTheDestinationCluster() {
        SimWorld w = new SimWorld(82).site("east").site("west").link("east", "west", Duration.ofMillis(10), 100_000_000L)
                .ontapCluster("ontap-east", "east").svm("ontap-east", "svm-east")
                .ontapCluster("ontap-west", "west").svm("ontap-west", "svm-west");
        w.peer("ontap-west", "svm-west", "ontap-east", "svm-east");
        SimCluster east = app(w.kubernetes("k8s-east", "east").backend("nas-east", "ontap-east", "svm-east")
                .storageClass("gold", "nas-east", true), "gold");
        SimCluster west = w.kubernetes("k8s-west", "west").backend("nas-west", "ontap-west", "svm-west")
                .storageClass("gold", "nas-west", true);
        w.world().runUntil(() -> running(east), Duration.ofMinutes(5));
        write(east);

        OntapPort dst = w.ontap().port("ontap-west", "west");   // the storage administrator's set-up
        await(w, dst, dst.createVolume(new VolumeCreate("dr_data", "svm-west", 2L << 30, VolumeType.DP)));
        await(w, dst, dst.createRelationship(new RelationshipCreate("svm-east:" + internalName(east),
                "svm-west:dr_data", "MirrorAllSnapshots", "5min")));
        String rel = dst.relationships(false).get(0).uuid();
        await(w, dst, dst.patchRelationship(rel, RelationshipPatch.state(RelationshipState.SNAPMIRRORED)));
        for (int minute = 0; minute < 12; minute++) {
            write(east);
            w.advance(Duration.ofMinutes(1));
        }
        w.world().network().siteDown("east");     // the disaster

        await(w, dst, dst.patchRelationship(rel, RelationshipPatch.state(RelationshipState.PAUSED)));
        await(w, dst, dst.patchRelationship(rel, RelationshipPatch.state(RelationshipState.BROKEN_OFF)));
        west.namespace(NS);
        var claim = io.mirrordrill.engine.model.yaml.ProtectYaml.parse("pvc.yaml", CLAIM.formatted("gold")).get(0)
                .tree();
        claim.with("metadata").put("namespace", NS);
        west.simulator().importVolume("nas-west", "dr_data", Resources.fromTree(claim));  // tridentctl import volume
        west.apply("app.yaml", APP, NS);                                                // redeploy
        assertTrue(w.world().runUntil(() -> running(west), Duration.ofMinutes(5)), "the app runs on the west");
        List<Integer> survived = records(west);
        assertEquals(written.subList(0, survived.size()), survived);
        assertTrue(written.size() - survived.size() <= 6, "at most one 5-minute period lost: " + survived);
        write(west);
    }

    @Test
    void svmDrActivationThenABackendUpdateBringsTheVolumesBackUnderTheSamePvs() {
        SimWorld w = new SimWorld(83).site("dc-a").site("dc-b").site("kube")
                .link("dc-a", "dc-b", Duration.ofMillis(10), 100_000_000L)
                .link("kube", "dc-a", Duration.ofMillis(1), 1_000_000_000L)
                .link("kube", "dc-b", Duration.ofMillis(5), 1_000_000_000L)
                .ontapCluster("c1", "dc-a").svm("c1", "svm1").ontapCluster("c2", "dc-b");
        w.ontap().addSvm("c2", "svm_backup", SvmSubtype.DP_DESTINATION);
        w.peer("c2", "svm_backup", "c1", "svm1");
        SimCluster k = app(w.kubernetes("k8s", "kube").backend("nas-1", "c1", "svm1").storageClass("gold", "nas-1",
                true), "gold");
        w.world().runUntil(() -> running(k), Duration.ofMinutes(5));
        write(k);
        OntapPort c2 = w.ontap().port("c2", "dc-b");
        await(w, c2, c2.createRelationship(new RelationshipCreate("svm1:", "svm_backup:", "MirrorAllSnapshots",
                "5min", "full")));
        String rel = c2.relationships(false).get(0).uuid();
        await(w, c2, c2.patchRelationship(rel, RelationshipPatch.state(RelationshipState.SNAPMIRRORED)));
        for (int minute = 0; minute < 12; minute++) {
            write(k);
            w.advance(Duration.ofMinutes(1));
        }
        w.world().network().siteDown("dc-a");     // the primary storage site is lost
        assertEquals(WorkloadIoException.Reason.UNREACHABLE, assertThrows(WorkloadIoException.class, () -> write(k))
                .reason());

        await(w, c2, c2.patchRelationship(rel, RelationshipPatch.state(RelationshipState.PAUSED)));
        await(w, c2, c2.patchRelationship(rel, RelationshipPatch.state(RelationshipState.BROKEN_OFF)));
        await(w, c2, c2.setSvmState("svm_backup", SvmState.RUNNING));  // the source cannot be reached, so may
        k.simulator().updateBackend("nas-1", "c2", "svm_backup");       // tridentctl update backend
        List<Integer> survived = records(k);
        assertEquals(written.subList(0, survived.size()), survived);
        assertTrue(written.size() - survived.size() <= 6, "at most one 5-minute period lost: " + survived);
        write(k);
        assertEquals(survived.size() + 1, records(k).size());
    }
}
