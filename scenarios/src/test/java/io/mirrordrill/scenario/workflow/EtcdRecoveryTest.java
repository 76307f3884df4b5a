package io.mirrordrill.scenario.workflow;

import io.mirrordrill.emulator.k8s.EtcdEmulator;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.k8s.cluster.ClusterSimulator;
import io.mirrordrill.emulator.ontap.VolumeFiles;
import io.mirrordrill.port.etcd.EtcdPort;
import io.mirrordrill.port.etcd.RestoreRequest;
import io.mirrordrill.port.etcd.SavedSnapshot;
import io.mirrordrill.port.kubernetes.KubernetesPort;
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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 002's "Disaster Recovery Workflow for Trident" with SnapMirror SVM replication: the Kubernetes cluster at site
 * A keeps its etcd snapshot on a FlexVolume of svm1, which SVM-DR mirrors to site B together with the application's
 * volumes. Site A is lost; the destination SVM is activated, the snapshot is read from the mirrored volume and
 * restored into a cluster of the same name at site B, Trident's backend is pointed at the destination SVM, and the
 * application runs again on the data replicated before the disaster.
 */
class EtcdRecoveryTest {
    private static final String NS = "shop";
    private static final String CLUSTER = "k8s";
    private static final String ETCD_VOLUME = "k8s_etcd_backup";
    private static final String SNAPSHOT_FILE = "etcd-snapshot-latest.db";
    private static final String DATA_DIR = "/var/lib/etcd";
    private static final String CRD_API = "apiextensions.k8s.io/v1";
    /** The same one-claim database app the storage-level recovery tests run. */
    private static final String APP = StorageRecoveryTest.APP;
    private static final String CLAIM = StorageRecoveryTest.CLAIM.formatted("gold");

    /** What a run observed, for the assertions and for comparing two runs. */
    private record Outcome(List<Integer> written, List<Integer> survived, List<Integer> afterNewWrite,
                           List<String> crdsBefore, List<String> crdsAfter, SavedSnapshot saved,
                           long restoredRevision, boolean lateObjectBack, String podBeforeBackendUpdate,
                           String traceHash) {
    }

    @Test
    void theClusterIsRebuiltAtSiteBFromItsMirroredEtcdSnapshotAndTheAppRunsAgainOnItsReplicatedData() {
        Outcome o = drill(2002);
        assertTrue(o.crdsAfter().contains("tridentbackends.trident.netapp.io"), o.crdsAfter().toString());
        assertTrue(o.crdsAfter().contains("appmirrorrelationships.protect.trident.netapp.io"), o.crdsAfter()
                .toString());
        assertEquals(o.crdsBefore(), o.crdsAfter(), "kubectl get crd shows what the source cluster had");
        assertEquals(o.saved().revision(), o.restoredRevision());
        assertFalse(o.lateObjectBack(), "an object created after the backup is not in the snapshot");
        assertTrue(o.podBeforeBackendUpdate().startsWith("Pending: MountVolume.SetUp failed"),
                "the backend still names svm1 at the lost site: " + o.podBeforeBackendUpdate());
        List<Integer> survived = o.survived();
        assertEquals(o.written().subList(0, survived.size()), survived, "a prefix of what was written");
        assertTrue(survived.size() > 3, "more than the writes before the backup: " + survived);
        assertTrue(o.written().size() - survived.size() <= 6, "at most one 5-minute period lost: " + survived);
        List<Integer> expected = new ArrayList<>(survived);
        expected.add(o.written().size() + 1);
        assertEquals(expected, o.afterNewWrite(), "the app writes again at site B");
    }

    @Test
    void theSameSeedGivesTheSameSnapshotAndTrace() {
        Outcome first = drill(2002);
        Outcome again = drill(2002);
        assertEquals(first.saved(), again.saved());
        assertEquals(first.traceHash(), again.traceHash());
    }

    private Outcome drill(long seed) {
        SimWorld w = new SimWorld(seed).site("dc-a").site("dc-b")
                .link("dc-a", "dc-b", Duration.ofMillis(10), 100_000_000L)
                .ontapCluster("c1", "dc-a").svm("c1", "svm1").ontapCluster("c2", "dc-b");
        w.ontap().addSvm("c2", "svm_backup", SvmSubtype.DP_DESTINATION);
        w.peer("c2", "svm_backup", "c1", "svm1");
        SimCluster k = w.kubernetes(CLUSTER, "dc-a").backend("nas-1", "c1", "svm1").storageClass("gold", "nas-1",
                true);
        k.namespace(NS).apply("claim.yaml", CLAIM, NS);
        k.apply("app.yaml", APP, NS);
        assertTrue(w.world().runUntil(() -> running(k.api()), Duration.ofMinutes(5)));
        OntapPort c1 = w.ontap().port("c1", "dc-a");
        await(w, c1, c1.createVolume(new VolumeCreate(ETCD_VOLUME, "svm1", 1L << 30, VolumeType.RW)));

        OntapPort c2 = w.ontap().port("c2", "dc-b");         // SVM-DR, identity preserved
        await(w, c2, c2.createRelationship(new RelationshipCreate("svm1:", "svm_backup:", "MirrorAllSnapshots",
                "5min", "full")));
        String rel = c2.relationships(false).get(0).uuid();
        await(w, c2, c2.patchRelationship(rel, RelationshipPatch.state(RelationshipState.SNAPMIRRORED)));

        EtcdEmulator etcd = new EtcdEmulator(w.world());
        List<Integer> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(write(k.simulator(), k.api(), written.size() + 1));
        }
        SavedSnapshot saved = backUpEtcd(w, etcd, k);
        List<String> crdsBefore = crds(k.api());
        k.apply("late.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: after-the-backup}\n", NS);
        for (int minute = 0; minute < 12; minute++) {
            written.add(write(k.simulator(), k.api(), written.size() + 1));
            w.advance(Duration.ofMinutes(1));
        }
        w.world().network().siteDown("dc-a");               // the disaster: storage and control plane at site A
        k.simulator().stop();
        k.crashEngine();

        // 1. activate the destination SVM: quiesce, break, start (the source SVM cannot be reached to stop it)
        await(w, c2, c2.patchRelationship(rel, RelationshipPatch.state(RelationshipState.PAUSED)));
        await(w, c2, c2.patchRelationship(rel, RelationshipPatch.state(RelationshipState.BROKEN_OFF)));
        await(w, c2, c2.setSvmState("svm_backup", SvmState.RUNNING));
        // 2.-3. mount the etcd volume from the destination SVM on the new master and restore the snapshot
        VolumeFiles mounted = w.ontap().files("c2", "svm_backup", ETCD_VOLUME, "dc-b");
        byte[] snapshot = mounted.read(SNAPSHOT_FILE);
        EtcdPort etcdctl = etcd.port("dc-b");
        assertEquals(saved.status(), etcdctl.status(new ByteArrayInputStream(snapshot)));
        etcdctl.restore(new ByteArrayInputStream(snapshot), RestoreRequest.into(DATA_DIR)
                .member(CLUSTER, "https://10.0.2.10:2380"));
        // 4. kubeadm init --ignore-preflight-errors=DirAvailable--var-lib-etcd, node hostname unchanged
        KubernetesCluster rebuilt = etcd.startCluster(CLUSTER, "dc-b", DATA_DIR);
        long restoredRevision = rebuilt.revision();
        ClusterSimulator node = new ClusterSimulator(w.world(), rebuilt.port(), CLUSTER, "dc-b", w.ontap());
        node.start();
        // 5. kubectl get crd, and Trident's objects
        KubernetesPort api = rebuilt.port();
        List<String> crdsAfter = crds(api);
        assertEquals("svm1", Resources.toTree(api.get("trident.netapp.io/v1", "TridentBackend", "trident",
                "tbe-nas-1").orElseThrow()).path("config").path("ontap_config").path("svm").asText());
        w.advance(Duration.ofSeconds(30));
        String podBefore = podState(api);
        // 6. tridentctl update backend: the destination SVM
        node.updateBackend("nas-1", "c2", "svm_backup");
        assertTrue(w.world().runUntil(() -> running(api), Duration.ofMinutes(5)), () -> podState(api));
        List<Integer> survived = records(node, api);
        write(node, api, written.size() + 1);
        return new Outcome(written, survived, records(node, api), crdsBefore, crdsAfter, saved, restoredRevision,
                api.get("v1", "ConfigMap", NS, "after-the-backup").isPresent(), podBefore,
                w.world().trace().hash());
    }

    /** {@code etcdctl snapshot save} on the master, the file written onto the etcd FlexVolume. */
    private static SavedSnapshot backUpEtcd(SimWorld w, EtcdEmulator etcd, SimCluster k) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SavedSnapshot saved = etcd.port(k.apiServer(), "dc-a").save(out);
        w.ontap().files("c1", "svm1", ETCD_VOLUME, "dc-a").write(SNAPSHOT_FILE, 0, out.toByteArray());
        return saved;
    }

    private static List<String> crds(KubernetesPort api) {
        return api.list(CRD_API, "CustomResourceDefinition", null, LabelSelector.everything()).stream()
                .map(c -> c.getMetadata().getName()).toList();
    }

    private static String pod(KubernetesPort api) {
        return api.list("v1", "Pod", NS, LabelSelector.everything()).get(0).getMetadata().getName();
    }

    private static String podState(KubernetesPort api) {
        var status = Resources.toTree(api.list("v1", "Pod", NS, LabelSelector.everything()).get(0)).path("status");
        return status.path("phase").asText() + ": " + status.path("message").asText();
    }

    private static boolean running(KubernetesPort api) {
        var pods = api.list("v1", "Pod", NS, LabelSelector.everything());
        return !pods.isEmpty() && "Running".equals(Resources.toTree(pods.get(0)).path("status").path("phase")
                .asText());
    }

    /** The app appends record {@code n}; returns it. */
    private static int write(ClusterSimulator sim, KubernetesPort api, int n) {
        sim.workloads().append(NS, pod(api), "/data", "records.log", (n + "\n").getBytes(StandardCharsets.UTF_8));
        return n;
    }

    private static List<Integer> records(ClusterSimulator sim, KubernetesPort api) {
        return new String(sim.workloads().read(NS, pod(api), "/data", "records.log"), StandardCharsets.UTF_8)
                .lines().map(Integer::parseInt).toList();
    }

    private static void await(SimWorld w, OntapPort port, JobRecord job) {
        assertTrue(w.world().runUntil(() -> port.job(job.uuid()).state().isDone(), Duration.ofMinutes(5)));
        assertTrue(port.job(job.uuid()).succeeded(), () -> port.job(job.uuid()).toString());
    }
}
