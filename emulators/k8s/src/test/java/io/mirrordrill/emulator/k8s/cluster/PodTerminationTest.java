package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graceful pod termination: a deleted pod's containers run (and write) until its application exits or is killed. */
class PodTerminationTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final World world = new World(11);
    private final KubernetesPort api;
    private final ClusterSimulator sim;
    private final List<String> traced = new ArrayList<>();

    PodTerminationTest() {
        world.trace().subscribe(e -> traced.add(e.line()));
        world.network().site("east");
        OntapEmulator ontap = new OntapEmulator(world);
        ontap.addCluster("c1", "east");
        ontap.addSvm("c1", "svm1", SvmSubtype.DEFAULT);
        api = new KubernetesCluster(world, "k1", "east").port();
        sim = new ClusterSimulator(world, api, "k1", "east", ontap);
        sim.addBackend("nas-1", TridentBackend.ONTAP_NAS, "c1", "svm1");
        sim.start();
        apply("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: ontap-gold
                  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
                provisioner: csi.trident.netapp.io
                parameters: {backendType: ontap-nas}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                """);
    }

    /** A Deployment whose pod template sets the grace period and how its application answers SIGTERM. */
    private void deploy(String grace, String exitAfter) {
        apply("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: db, namespace: shop}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata:
                      labels: {app: db}
                      annotations: {%s}
                    spec:
                      %s
                      containers:
                      - name: db
                        image: postgres:16
                        volumeMounts: [{name: data, mountPath: /data}]
                      volumes:
                      - name: data
                        persistentVolumeClaim: {claimName: data}
                """.formatted(exitAfter == null ? "" : "sim.mirrordrill.io/sigterm-exit-seconds: \"" + exitAfter
                + "\"", grace == null ? "" : "terminationGracePeriodSeconds: " + grace));
        world.advance(Duration.ofMinutes(1));
    }

    private void apply(String yaml) {
        for (String doc : yaml.split("(?m)^---$")) {
            try {
                api.create(Resources.fromTree((ObjectNode) YAML.readTree(doc)));
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    private List<ObjectNode> pods() {
        return api.list("v1", "Pod", "shop", LabelSelector.everything()).stream().map(Tree::of).toList();
    }

    private ObjectNode pod(String name) {
        return api.get("v1", "Pod", "shop", name).map(Tree::of).orElseThrow(() -> new AssertionError(name + " gone"));
    }

    private boolean exists(String name) {
        return api.get("v1", "Pod", "shop", name).isPresent();
    }

    private void write(String pod, String line) {
        sim.workloads().append("shop", pod, "/data", "log", (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private String running() {
        List<ObjectNode> pods = pods();
        assertEquals(1, pods.size(), "one pod");
        assertEquals("Running", pods.get(0).path("status").path("phase").asText());
        return Tree.name(pods.get(0));
    }

    @Test
    void aDeletedPodIsTerminatingForItsGracePeriodAndItsApplicationKeepsWritingUntilItIsKilled() {
        deploy("20", "never");
        String pod = running();
        Instant deleted = world.now();
        api.delete("v1", "Pod", "shop", pod);

        JsonNode meta = pod(pod).path("metadata");
        assertEquals(20, meta.path("deletionGracePeriodSeconds").asLong());
        assertEquals(deleted.plusSeconds(20).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                meta.path("deletionTimestamp").asText());
        world.advance(Duration.ofSeconds(19));
        assertEquals("Running", pod(pod).path("status").path("phase").asText(), "its containers still run");
        write(pod, "written while terminating");

        world.advance(Duration.ofSeconds(2));
        assertFalse(exists(pod), "killed at the end of its grace period and removed by its kubelet");
        assertEquals(WorkloadIoException.Reason.NOT_FOUND, assertThrows(WorkloadIoException.class,
                () -> write(pod, "too late")).reason());
        assertTrue(trace().stream().anyMatch(l -> l.contains(pod + " killed")), "the kill is in the trace");
    }

    @Test
    void anApplicationThatExitsFiveSecondsAfterSigtermStopsThenAndNotAtTheEndOfTheDefaultGracePeriod() {
        deploy(null, "5");
        String pod = running();
        api.delete("v1", "Pod", "shop", pod);
        assertEquals(30, pod(pod).path("metadata").path("deletionGracePeriodSeconds").asLong(),
                "terminationGracePeriodSeconds defaults to 30");
        world.advance(Duration.ofSeconds(4));
        write(pod, "still running");
        world.advance(Duration.ofSeconds(2));
        assertFalse(exists(pod));
        assertTrue(trace().stream().anyMatch(l -> l.contains(pod + " exited on SIGTERM")));
        List<String> killing = api.list("v1", "Event", "shop", LabelSelector.everything()).stream()
                .map(Resources::toTree).filter(e -> e.path("reason").asText().equals("Killing"))
                .map(e -> e.path("message").asText()).toList();
        assertEquals(List.of("Stopping container db"), killing);
    }

    @Test
    void aSecondDeleteWithAShorterGracePeriodBringsTheKillForwardAndALongerOneChangesNothing() {
        deploy("60", "never");
        String pod = running();
        api.delete("v1", "Pod", "shop", pod);
        world.advance(Duration.ofSeconds(10));
        api.delete("v1", "Pod", "shop", pod, 90);
        assertEquals(60, pod(pod).path("metadata").path("deletionGracePeriodSeconds").asLong());
        api.delete("v1", "Pod", "shop", pod, 15);
        assertEquals(15, pod(pod).path("metadata").path("deletionGracePeriodSeconds").asLong());
        world.advance(Duration.ofSeconds(4));
        assertTrue(exists(pod), "15 s from the SIGTERM is 5 s from now");
        world.advance(Duration.ofSeconds(2));
        assertFalse(exists(pod));
    }

    @Test
    void aForceDeleteWithGraceZeroRemovesThePodAtOnceAndItsContainersStop() {
        deploy("60", "never");
        String pod = running();
        api.delete("v1", "Pod", "shop", pod, 0);
        assertFalse(exists(pod));
        assertThrows(WorkloadIoException.class, () -> write(pod, "gone"));
        world.advance(Duration.ofSeconds(1));
        assertTrue(trace().stream().anyMatch(l -> l.contains(pod + " removed while running")));
    }

    @Test
    void aPodOfADeploymentScaledToZeroTerminatesGracefullyAndTheDeploymentCountsItNoMore() {
        deploy("30", "10");
        String pod = running();
        api.patch("apps/v1", "Deployment", "shop", "db", "{\"spec\":{\"replicas\":0}}");
        world.advance(Duration.ofSeconds(5));
        assertFalse(pod(pod).path("metadata").path("deletionTimestamp").isMissingNode());
        write(pod, "during shutdown");
        assertEquals(0, api.get("apps/v1", "Deployment", "shop", "db").map(Tree::of).orElseThrow()
                .path("status").path("replicas").asInt());
        world.advance(Duration.ofSeconds(6));
        assertEquals(List.of(), pods());
    }

    @Test
    void aStatefulSetReplacesAPodOfTheSameNameOnlyOnceTheTerminatingOneIsGone() {
        apply("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: cache, namespace: shop}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: cache}}
                  template:
                    metadata:
                      labels: {app: cache}
                      annotations: {sim.mirrordrill.io/sigterm-exit-seconds: "never"}
                    spec: {terminationGracePeriodSeconds: 20, containers: [{name: c, image: redis}]}
                """);
        world.advance(Duration.ofMinutes(1));
        String before = Tree.uid(pod("cache-0"));
        api.delete("v1", "Pod", "shop", "cache-0");
        world.advance(Duration.ofSeconds(10));
        assertEquals(before, Tree.uid(pod("cache-0")), "the old pod still holds the name");
        world.advance(Duration.ofMinutes(1));
        assertFalse(before.equals(Tree.uid(pod("cache-0"))), "a new cache-0 runs");
        assertEquals("Running", pod("cache-0").path("status").path("phase").asText());
    }

    @Test
    void aPodNeverScheduledIsDeletedAtOnce() {
        apply("""
                apiVersion: v1
                kind: Pod
                metadata: {name: waits, namespace: shop}
                spec:
                  containers: [{name: c, image: busybox, volumeMounts: [{name: d, mountPath: /d}]}]
                  volumes: [{name: d, persistentVolumeClaim: {claimName: missing}}]
                """);
        world.advance(Duration.ofSeconds(10));
        assertEquals("Pending", pod("waits").path("status").path("phase").asText());
        assertTrue(pod("waits").path("spec").path("nodeName").asText("").isEmpty(), "not scheduled");
        api.delete("v1", "Pod", "shop", "waits");
        assertFalse(exists("waits"));
    }

    @Test
    void aScheduledPodNamesItsNode() {
        deploy(null, null);
        assertEquals("k1-node", pods().get(0).path("spec").path("nodeName").asText());
    }

    private List<String> trace() {
        return traced;
    }
}
