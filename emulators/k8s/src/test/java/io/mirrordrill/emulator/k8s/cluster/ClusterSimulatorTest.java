package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.emulator.ontap.VolumeFiles;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.SvmState;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.port.ontap.VolumeRecord;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterSimulatorTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final World world = new World(8);
    private final OntapEmulator ontap;
    private final KubernetesPort api;
    private final ClusterSimulator sim;

    ClusterSimulatorTest() {
        world.network().site("east");
        ontap = new OntapEmulator(world);
        ontap.addCluster("c1", "east");
        ontap.addSvm("c1", "svm1", SvmSubtype.DEFAULT);
        ontap.addSvm("c1", "svm_other", SvmSubtype.DEFAULT);
        KubernetesCluster k8s = new KubernetesCluster(world, "k1", "east");
        api = k8s.port();
        sim = new ClusterSimulator(world, api, "k1", "east", ontap);
        sim.addBackend("nas-other", TridentBackend.ONTAP_NAS, "c1", "svm_other");
        sim.addBackend("nas-1", TridentBackend.ONTAP_NAS, "c1", "svm1");
        sim.start();
        apply("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: ontap-gold
                  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
                provisioner: csi.trident.netapp.io
                parameters: {backendType: ontap-nas, storagePools: "nas-1:aggr1"}
                reclaimPolicy: Retain
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                """);
    }

    private void apply(String yaml) {
        for (String doc : yaml.split("(?m)^---$")) {
            try {
                ObjectNode tree = (ObjectNode) YAML.readTree(doc);
                api.create(io.mirrordrill.port.kubernetes.Resources.fromTree(tree));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    private JsonNode get(String apiVersion, String kind, String ns, String name) {
        return api.get(apiVersion, kind, ns, name).map(Tree::of).orElseThrow(() ->
                new AssertionError(kind + " " + ns + "/" + name + " not found"));
    }

    private List<ObjectNode> pods(String ns) {
        return api.list("v1", "Pod", ns, LabelSelector.everything()).stream().map(Tree::of).toList();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String DEPLOYMENT = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: shop}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 2Gi}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: db, namespace: shop}
            spec:
              replicas: 1
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers:
                  - name: db
                    image: postgres:16
                    volumeMounts: [{name: data, mountPath: /var/lib/db}]
                  volumes:
                  - name: data
                    persistentVolumeClaim: {claimName: data}
            """;

    @Test
    void aDeploymentWithAClaimGetsAVolumeAPodAndWritesLandInOntapAndSurviveTheDeployment() {
        apply(DEPLOYMENT);
        world.advance(Duration.ofMinutes(1));

        JsonNode pvc = get("v1", "PersistentVolumeClaim", "shop", "data");
        assertEquals("Bound", pvc.path("status").path("phase").asText());
        String uid = pvc.path("metadata").path("uid").asText();
        String pvName = "pvc-" + uid;
        assertEquals(pvName, pvc.path("spec").path("volumeName").asText());
        JsonNode pv = get("v1", "PersistentVolume", null, pvName);
        JsonNode csi = pv.path("spec").path("csi");
        assertEquals("csi.trident.netapp.io", csi.path("driver").asText());
        assertEquals(pvName, csi.path("volumeHandle").asText());
        String internal = "trident_pvc_" + uid.replace('-', '_');
        assertEquals(internal, csi.path("volumeAttributes").path("internalName").asText());
        assertEquals(sim.backend("nas-1").uuid(), csi.path("volumeAttributes").path("backendUUID").asText());
        assertEquals("shop", pv.path("spec").path("claimRef").path("namespace").asText());

        OntapPort c1 = ontap.port("c1", "east");
        VolumeRecord volume = c1.volume("svm1", internal).orElseThrow();
        assertEquals(VolumeType.RW, volume.type());
        assertEquals(2L << 30, volume.size());
        assertTrue(c1.volume("svm_other", internal).isEmpty(), "the class's storage pool picks the backend");

        List<ObjectNode> pods = pods("shop");
        assertEquals(1, pods.size());
        String pod = Tree.name(pods.get(0));
        assertTrue(pod.startsWith("db-"), pod);
        assertEquals("Running", pods.get(0).path("status").path("phase").asText());

        sim.workloads().append("shop", pod, "/var/lib/db", "records.log", b("1\n2\n"));
        VolumeFiles files = ontap.files("c1", "svm1", internal, "east");
        assertEquals("1\n2\n", new String(files.read("records.log"), StandardCharsets.UTF_8));

        api.delete("apps/v1", "Deployment", "shop", "db");
        world.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), pods("shop"));
        WorkloadIoException gone = assertThrows(WorkloadIoException.class,
                () -> sim.workloads().append("shop", pod, "/var/lib/db", "records.log", b("3\n")));
        assertEquals(WorkloadIoException.Reason.NOT_FOUND, gone.reason());
        assertEquals("Bound", get("v1", "PersistentVolumeClaim", "shop", "data").path("status").path("phase").asText());
        get("v1", "PersistentVolume", null, pvName);
        assertEquals("1\n2\n", new String(files.read("records.log"), StandardCharsets.UTF_8));
    }

    @Test
    void scalingToZeroStopsThePodAndScalingUpRunsAnotherOnTheSameData() {
        apply(DEPLOYMENT);
        world.advance(Duration.ofMinutes(1));
        String first = Tree.name(pods("shop").get(0));
        sim.workloads().append("shop", first, "/var/lib/db", "log", b("a"));
        api.patch("apps/v1", "Deployment", "shop", "db", "{\"spec\":{\"replicas\":0}}");
        world.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), pods("shop"));
        api.patch("apps/v1", "Deployment", "shop", "db", "{\"spec\":{\"replicas\":1}}");
        world.advance(Duration.ofMinutes(1));
        String second = Tree.name(pods("shop").get(0));
        assertEquals("a", new String(sim.workloads().read("shop", second, "/var/lib/db", "log"), StandardCharsets.UTF_8));
        assertEquals(1, get("apps/v1", "Deployment", "shop", "db").path("status").path("readyReplicas").asInt());
    }

    @Test
    void aDeploymentReportsItsReplicasAndConditionsAsTheDeploymentControllerWritesThem() {
        apply(DEPLOYMENT);
        world.advance(Duration.ofMinutes(1));
        JsonNode status = get("apps/v1", "Deployment", "shop", "db").path("status");
        assertEquals(1, status.path("observedGeneration").asInt());
        assertEquals(1, status.path("updatedReplicas").asInt());
        assertEquals(1, status.path("availableReplicas").asInt());
        assertFalse(status.has("unavailableReplicas"), "zero counts are left out");
        assertEquals("Available", status.path("conditions").get(0).path("type").asText());
        assertEquals("MinimumReplicasAvailable", status.path("conditions").get(0).path("reason").asText());
        assertEquals("NewReplicaSetAvailable", status.path("conditions").get(1).path("reason").asText());
        api.patch("apps/v1", "Deployment", "shop", "db", "{\"spec\":{\"replicas\":0}}");
        world.advance(Duration.ofMinutes(1));
        assertEquals(2, get("apps/v1", "Deployment", "shop", "db").path("status").path("observedGeneration").asInt());
    }

    @Test
    void aTemplateChangeReplacesTheDeploymentsPodsWithPodsOfTheNewTemplate() {
        apply(DEPLOYMENT);
        world.advance(Duration.ofMinutes(1));
        String before = Tree.name(pods("shop").get(0));
        api.patch("apps/v1", "Deployment", "shop", "db", "{\"spec\":{\"template\":{\"metadata\":{\"labels\":"
                + "{\"app\":\"db\",\"v\":\"2\"}}}}}");
        world.advance(Duration.ofMinutes(1));
        List<ObjectNode> after = pods("shop");
        assertEquals(1, after.size());
        assertFalse(Tree.name(after.get(0)).startsWith(before.substring(0, before.lastIndexOf('-'))),
                "the new pod carries the new template's hash");
        assertEquals("2", after.get(0).path("metadata").path("labels").path("v").asText());
        JsonNode status = get("apps/v1", "Deployment", "shop", "db").path("status");
        assertEquals(1, status.path("updatedReplicas").asInt());
        assertEquals(1, status.path("readyReplicas").asInt());
    }

    @Test
    void aStatefulSetReportsItsRevisionsForRolloutStatus() {
        apply("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: cache, namespace: shop}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: cache}}
                  template:
                    metadata: {labels: {app: cache}}
                    spec: {containers: [{name: c, image: redis}]}
                """);
        world.advance(Duration.ofMinutes(1));
        JsonNode status = get("apps/v1", "StatefulSet", "shop", "cache").path("status");
        assertEquals(2, status.path("readyReplicas").asInt());
        assertEquals(2, status.path("currentReplicas").asInt());
        assertTrue(status.path("updateRevision").asText().startsWith("cache-"));
        assertEquals(status.path("updateRevision"), status.path("currentRevision"));
    }

    @Test
    void aStatefulSetGetsOneClaimPerReplicaFromItsTemplates() {
        apply("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: kv, namespace: shop}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: kv}}
                  template:
                    metadata: {labels: {app: kv}}
                    spec:
                      containers:
                      - name: kv
                        image: redis
                        volumeMounts: [{name: state, mountPath: /data}]
                  volumeClaimTemplates:
                  - metadata: {name: state}
                    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                """);
        world.advance(Duration.ofMinutes(1));
        assertEquals(List.of("kv-0", "kv-1"), pods("shop").stream().map(Tree::name).toList());
        get("v1", "PersistentVolumeClaim", "shop", "state-kv-0");
        get("v1", "PersistentVolumeClaim", "shop", "state-kv-1");
        sim.workloads().append("shop", "kv-1", "/data", "f", b("x"));
        assertFalse(sim.workloads().exists("shop", "kv-0", "/data", "f"), "each replica has its own volume");
    }

    @Test
    void aMirrorDestinationClaimGetsADpVolumeAndItsPodWaitsUntilTheVolumeIsInitialized() {
        apply("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                  namespace: shop
                  annotations: {trident.netapp.io/mirrorRelationship: shop-mirror}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
                """);
        apply(DEPLOYMENT.substring(DEPLOYMENT.indexOf("---") + 4));
        world.advance(Duration.ofMinutes(1));
        String uid = get("v1", "PersistentVolumeClaim", "shop", "data").path("metadata").path("uid").asText();
        VolumeRecord v = ontap.port("c1", "east").volume("svm1", "trident_pvc_" + uid.replace('-', '_'))
                .orElseThrow();
        assertEquals(VolumeType.DP, v.type());
        ObjectNode pod = pods("shop").get(0);
        assertEquals("Pending", pod.path("status").path("phase").asText());
        assertTrue(pod.path("status").path("message").asText().contains("MountVolume.SetUp failed"),
                pod.path("status").toString());
    }

    @Test
    void aVolumeSnapshotBecomesAnOntapSnapshotAndAClaimCanBeRestoredFromIt() {
        apply(DEPLOYMENT);
        world.advance(Duration.ofMinutes(1));
        String pod = Tree.name(pods("shop").get(0));
        sim.workloads().append("shop", pod, "/var/lib/db", "log", b("before\n"));
        apply("""
                apiVersion: snapshot.storage.k8s.io/v1
                kind: VolumeSnapshot
                metadata: {name: nightly, namespace: shop}
                spec:
                  volumeSnapshotClassName: trident-snapshotclass
                  source: {persistentVolumeClaimName: data}
                """);
        world.advance(Duration.ofMinutes(1));
        sim.workloads().append("shop", pod, "/var/lib/db", "log", b("after\n"));
        JsonNode vs = get("snapshot.storage.k8s.io/v1", "VolumeSnapshot", "shop", "nightly");
        assertTrue(vs.path("status").path("readyToUse").asBoolean(), vs.toString());
        String content = vs.path("status").path("boundVolumeSnapshotContentName").asText();
        String handle = get("snapshot.storage.k8s.io/v1", "VolumeSnapshotContent", null, content)
                .path("status").path("snapshotHandle").asText();
        assertTrue(handle.matches("pvc-[0-9a-f-]+/snapshot-[0-9a-f-]+"), handle);

        apply("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: restored, namespace: shop}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 2Gi}}
                  dataSource: {kind: VolumeSnapshot, name: nightly, apiGroup: snapshot.storage.k8s.io}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: reader, namespace: shop}
                spec:
                  containers:
                  - name: r
                    image: busybox
                    volumeMounts: [{name: v, mountPath: /r}]
                  volumes:
                  - name: v
                    persistentVolumeClaim: {claimName: restored}
                """);
        world.advance(Duration.ofMinutes(1));
        assertEquals("before\n", new String(sim.workloads().read("shop", "reader", "/r", "log"),
                StandardCharsets.UTF_8));
    }

    private List<String> ontapSnapshots() {
        String claimUid = get("v1", "PersistentVolumeClaim", "shop", "data").path("metadata").path("uid").asText();
        OntapPort c1 = ontap.port("c1", "east");
        VolumeRecord volume = c1.volume("svm1", "trident_pvc_" + claimUid.replace('-', '_')).orElseThrow();
        return c1.snapshots(volume.uuid()).stream().map(s -> s.name()).toList();
    }

    private String takeSnapshot(String name, String snapshotClass) {
        apply("""
                apiVersion: snapshot.storage.k8s.io/v1
                kind: VolumeSnapshot
                metadata: {name: %s, namespace: shop}
                spec:
                  volumeSnapshotClassName: %s
                  source: {persistentVolumeClaimName: data}
                """.formatted(name, snapshotClass));
        world.advance(Duration.ofMinutes(1));
        JsonNode vs = get("snapshot.storage.k8s.io/v1", "VolumeSnapshot", "shop", name);
        assertTrue(vs.path("status").path("readyToUse").asBoolean(), vs.toString());
        assertEquals(List.of("snapshot.storage.kubernetes.io/volumesnapshot-bound-protection"),
                List.of(vs.path("metadata").path("finalizers").get(0).asText()));
        return vs.path("status").path("boundVolumeSnapshotContentName").asText();
    }

    @Test
    void deletingAVolumeSnapshotOfADeleteClassRemovesItsOntapSnapshotAndContentFirst() {
        apply(DEPLOYMENT);
        world.advance(Duration.ofMinutes(1));
        String content = takeSnapshot("hourly", "no-such-class"); // no class: Delete, as the snapshotter's default
        assertEquals("Delete", get("snapshot.storage.k8s.io/v1", "VolumeSnapshotContent", null, content)
                .path("spec").path("deletionPolicy").asText());
        String ontapName = "snapshot-" + get("snapshot.storage.k8s.io/v1", "VolumeSnapshot", "shop", "hourly")
                .path("metadata").path("uid").asText();
        assertEquals(List.of(ontapName), ontapSnapshots());

        api.delete("snapshot.storage.k8s.io/v1", "VolumeSnapshot", "shop", "hourly");
        assertTrue(api.get("snapshot.storage.k8s.io/v1", "VolumeSnapshot", "shop", "hourly").isPresent(),
                "held by the finalizer until the storage is cleaned");
        world.advance(Duration.ofMinutes(1));

        assertTrue(api.get("snapshot.storage.k8s.io/v1", "VolumeSnapshot", "shop", "hourly").isEmpty());
        assertTrue(api.get("snapshot.storage.k8s.io/v1", "VolumeSnapshotContent", null, content).isEmpty());
        assertEquals(List.of(), ontapSnapshots());
    }

    @Test
    void deletingAVolumeSnapshotOfARetainClassKeepsItsContentAndOntapSnapshot() {
        apply(DEPLOYMENT + """
                ---
                apiVersion: snapshot.storage.k8s.io/v1
                kind: VolumeSnapshotClass
                metadata: {name: keep}
                driver: csi.trident.netapp.io
                deletionPolicy: Retain
                """);
        world.advance(Duration.ofMinutes(1));
        String content = takeSnapshot("kept", "keep");

        api.delete("snapshot.storage.k8s.io/v1", "VolumeSnapshot", "shop", "kept");
        world.advance(Duration.ofMinutes(1));

        assertTrue(api.get("snapshot.storage.k8s.io/v1", "VolumeSnapshot", "shop", "kept").isEmpty());
        assertEquals("Retain", get("snapshot.storage.k8s.io/v1", "VolumeSnapshotContent", null, content)
                .path("spec").path("deletionPolicy").asText());
        assertEquals(1, ontapSnapshots().size());
    }

    @Test
    void writesAreRefusedOnAFrozenFilesystemAReadOnlyMountOrAStoppedSvm() {
        apply(DEPLOYMENT);
        world.advance(Duration.ofMinutes(1));
        String pod = Tree.name(pods("shop").get(0));
        sim.workloads().freeze("shop", pod, "/var/lib/db");
        assertEquals(WorkloadIoException.Reason.FROZEN, assertThrows(WorkloadIoException.class,
                () -> sim.workloads().append("shop", pod, "/var/lib/db", "f", b("x"))).reason());
        sim.workloads().unfreeze("shop", pod, "/var/lib/db");
        sim.workloads().append("shop", pod, "/var/lib/db", "f", b("x"));

        ontap.port("c1", "east").setSvmState("svm1", SvmState.STOPPED);
        world.advance(Duration.ofSeconds(5));
        assertEquals(WorkloadIoException.Reason.UNREACHABLE, assertThrows(WorkloadIoException.class,
                () -> sim.workloads().append("shop", pod, "/var/lib/db", "f", b("y"))).reason());
    }

    @Test
    void hookScriptsFreezeAndUnfreezeThePodsFilesystem() {
        apply(DEPLOYMENT);
        world.advance(Duration.ofMinutes(1));
        String pod = Tree.name(pods("shop").get(0));
        var freeze = sim.exec().exec("shop", pod, "db", List.of("/bin/sh", "-c",
                "#!/bin/sh\n# pre-snapshot\nsync\nfsfreeze --freeze /var/lib/db\necho frozen"), Duration.ofMinutes(1));
        assertEquals(0, freeze.exitCode(), freeze.stderr());
        assertEquals("frozen\n", freeze.stdout());
        assertEquals(WorkloadIoException.Reason.FROZEN, assertThrows(WorkloadIoException.class,
                () -> sim.workloads().append("shop", pod, "/var/lib/db", "f", b("x"))).reason());
        assertEquals(0, sim.exec().exec("shop", pod, "db", List.of("fsfreeze", "--unfreeze", "/var/lib/db"),
                Duration.ofMinutes(1)).exitCode());
        sim.workloads().append("shop", pod, "/var/lib/db", "f", b("x"));

        var missing = sim.exec().exec("shop", pod, "db", List.of("/bin/sh", "-c", "pg_ctl stop"), Duration.ofMinutes(1));
        assertEquals(127, missing.exitCode());
        assertEquals(3, sim.exec().exec("shop", pod, "db", List.of("/bin/sh", "-c", "exit 3"),
                Duration.ofMinutes(1)).exitCode());
        assertEquals(126, sim.exec().exec("shop", "nope", "db", List.of("true"), Duration.ofMinutes(1)).exitCode());
    }

    @Test
    void aHookScriptAppendsALineToAFileOnTheVolumeAndIsRefusedWhileTheFilesystemIsFrozen() {
        apply(DEPLOYMENT);
        world.advance(Duration.ofMinutes(1));
        String pod = Tree.name(pods("shop").get(0));
        var marker = sim.exec().exec("shop", pod, "db", List.of("/bin/sh", "-c",
                "echo promoted on west >> /var/lib/db/hooks/marker\necho again >> /var/lib/db/hooks/marker"),
                Duration.ofMinutes(1));
        assertEquals(0, marker.exitCode(), marker.stderr());
        assertEquals("", marker.stdout(), "a redirected echo prints nothing");
        assertEquals("promoted on west\nagain\n", new String(sim.workloads().read("shop", pod, "/var/lib/db",
                "hooks/marker"), java.nio.charset.StandardCharsets.UTF_8));

        sim.exec().exec("shop", pod, "db", List.of("fsfreeze", "--freeze", "/var/lib/db"), Duration.ofMinutes(1));
        var frozen = sim.exec().exec("shop", pod, "db", List.of("/bin/sh", "-c", "echo x >> /var/lib/db/m"),
                Duration.ofMinutes(1));
        assertEquals(1, frozen.exitCode());
        assertTrue(frozen.stderr().contains("can't create /var/lib/db/m"), frozen.stderr());
        assertEquals(2, sim.exec().exec("shop", pod, "db", List.of("/bin/sh", "-c", "echo x > /var/lib/db/m"),
                Duration.ofMinutes(1)).exitCode(), "truncating redirection is not simulated");
    }

    @Test
    void tridentBackendsArePublishedAsTridentBackendObjects() {
        JsonNode tbe = get("trident.netapp.io/v1", "TridentBackend", "trident", "tbe-nas-1");
        assertEquals(sim.backend("nas-1").uuid(), tbe.path("backendUUID").asText());
        assertEquals("svm1", tbe.path("config").path("ontap_config").path("svm").asText());
        sim.updateBackend("nas-1", "c1", "svm_other");
        assertEquals("svm_other", get("trident.netapp.io/v1", "TridentBackend", "trident", "tbe-nas-1")
                .path("config").path("ontap_config").path("svm").asText());
    }

    @Test
    void anImportedVolumeIsBoundToANewClaimWithItsData() {
        OntapPort c1 = ontap.port("c1", "east");
        c1.createVolume(new io.mirrordrill.port.ontap.VolumeCreate("recovered", "svm1", 1L << 30,
                VolumeType.RW));
        world.advance(Duration.ofSeconds(5));
        ontap.files("c1", "svm1", "recovered", "east").write("db", 0, b("kept"));
        ObjectNode claim;
        try {
            claim = (ObjectNode) YAML.readTree("""
                    apiVersion: v1
                    kind: PersistentVolumeClaim
                    metadata: {name: imported, namespace: shop}
                    spec:
                      accessModes: [ReadWriteOnce]
                      storageClassName: ontap-gold
                      resources: {requests: {storage: 1Gi}}
                    """);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
        sim.importVolume("nas-1", "recovered", io.mirrordrill.port.kubernetes.Resources.fromTree(claim));
        JsonNode bound = get("v1", "PersistentVolumeClaim", "shop", "imported");
        assertEquals("Bound", bound.path("status").path("phase").asText());
        JsonNode pv = get("v1", "PersistentVolume", null, bound.path("spec").path("volumeName").asText());
        assertEquals("recovered", pv.path("spec").path("csi").path("volumeAttributes").path("internalName").asText());
    }

    @Test
    void aNewNodeReadsTridentBackendsFromTheirObjectsAndRunsAPodOnlyOnceItsVolumeMountsThere() {
        apply(DEPLOYMENT);
        world.advance(Duration.ofMinutes(1));
        String pod = Tree.name(pods("shop").get(0));
        sim.workloads().append("shop", pod, "/var/lib/db", "records.log", b("1\n"));
        sim.stop();                                           // the node is gone; its objects stay in the API
        world.advance(Duration.ofSeconds(30));
        ontap.port("c1", "east").setSvmState("svm1", SvmState.STOPPED);
        world.advance(Duration.ofSeconds(5));

        ClusterSimulator node = new ClusterSimulator(world, api, "k1", "east", ontap);
        node.start();
        assertEquals(sim.backend("nas-1"), node.backend("nas-1"), "read from the TridentBackend object");
        world.advance(Duration.ofSeconds(10));
        ObjectNode waiting = pods("shop").get(0);
        assertEquals("Pending", waiting.path("status").path("phase").asText(), "reported Running, but not here");
        assertTrue(waiting.path("status").path("message").asText().contains("MountVolume.SetUp failed"));

        ontap.port("c1", "east").setSvmState("svm1", SvmState.RUNNING);
        world.advance(Duration.ofSeconds(15));
        assertEquals("Running", pods("shop").get(0).path("status").path("phase").asText());
        assertEquals("1\n", new String(node.workloads().read("shop", pod, "/var/lib/db", "records.log"),
                StandardCharsets.UTF_8));
    }

    @Test
    void theSameSeedGivesTheSameTrace() {
        apply(DEPLOYMENT);
        world.advance(Duration.ofMinutes(2));
        ClusterSimulatorTest again = new ClusterSimulatorTest();
        again.apply(DEPLOYMENT);
        again.world.advance(Duration.ofMinutes(2));
        assertEquals(world.trace().hash(), again.world.trace().hash());
    }
}
