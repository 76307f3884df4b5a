package io.mirrordrill.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.k8s.cluster.ClusterSimulator;
import io.mirrordrill.emulator.k8s.cluster.TridentBackend;
import io.mirrordrill.emulator.k8s.cluster.WorkloadIoException;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.port.exec.PodExecPort;
import io.mirrordrill.port.exec.PodExecPort.ExecResult;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one contract of {@link PodExecPort}: each implementation (the emulator's pod shell, the fabric8 adapter against
 * the emulator's API server) runs a command in a running pod of a simulated cluster: a Deployment whose pod mounts a
 * Trident volume at {@value #MOUNT}. The world is built here; a subclass says how the port reaches it.
 */
public abstract class PodExecPortContract {
    protected static final String NS = "shop";
    protected static final String CONTAINER = "db";
    protected static final String MOUNT = "/var/lib/db";
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    protected World world;
    protected KubernetesCluster cluster;
    protected ClusterSimulator sim;
    protected PodExecPort exec;
    protected String pod;

    /** The port under test, reaching {@link #cluster} (whose simulator is {@link #sim}). */
    protected abstract PodExecPort openPort();

    /** Runs owner code on the world: directly, or under the lock of the server that serves it. */
    protected void onWorld(Runnable action) {
        action.run();
    }

    @BeforeEach
    final void buildWorld() {
        world = new World(31);
        world.network().site("east");
        OntapEmulator ontap = new OntapEmulator(world);
        ontap.addCluster("c1", "east");
        ontap.addSvm("c1", "svm1", SvmSubtype.DEFAULT);
        cluster = new KubernetesCluster(world, "k1", "east");
        sim = new ClusterSimulator(world, cluster.port(), "k1", "east", ontap);
        sim.addBackend("nas-1", TridentBackend.ONTAP_NAS, "c1", "svm1");
        sim.start();
        apply(cluster.port(), """
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
                ---
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
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: waiting, namespace: shop}
                spec:
                  containers: [{name: db, image: postgres:16}]
                  volumes: [{name: data, persistentVolumeClaim: {claimName: never-created}}]
                """);
        world.advance(MINUTE);
        pod = cluster.port().list("v1", "Pod", NS, LabelSelector.parse("app=db")).get(0).getMetadata().getName();
        exec = openPort();
    }

    @Test
    void aCommandsOutputAndExitCodeZeroComeBack() {
        ExecResult result = exec.exec(NS, pod, CONTAINER, sh("echo hello"), MINUTE);
        assertEquals(new ExecResult(0, "hello\n", ""), result);
        assertTrue(result.succeeded());
    }

    @Test
    void aFailingCommandGivesItsExitCodeAndStderr() {
        ExecResult missing = exec.exec(NS, pod, CONTAINER, sh("echo before\npg_ctl stop"), MINUTE);
        assertEquals(127, missing.exitCode());
        assertEquals("before\n", missing.stdout());
        assertEquals("sh: pg_ctl: not found\n", missing.stderr());
        assertEquals(3, exec.exec(NS, pod, CONTAINER, sh("exit 3"), MINUTE).exitCode());
        assertEquals(1, exec.exec(NS, pod, CONTAINER, List.of("false"), MINUTE).exitCode());
    }

    @Test
    void aFreezeHookFreezesThePodsFilesystemUntilTheUnfreezeHook() {
        ExecResult freeze = exec.exec(NS, pod, CONTAINER, sh("#!/bin/sh\nsync\nfsfreeze --freeze " + MOUNT
                + "\necho frozen"), MINUTE);
        assertEquals(new ExecResult(0, "frozen\n", ""), freeze);
        onWorld(() -> assertEquals(WorkloadIoException.Reason.FROZEN, assertThrows(WorkloadIoException.class,
                () -> write("while frozen")).reason()));
        assertEquals(0, exec.exec(NS, pod, CONTAINER, List.of("fsfreeze", "--unfreeze", MOUNT), MINUTE).exitCode());
        onWorld(() -> write("after the thaw"));
    }

    @Test
    void freezingAPathThatIsNotAMountFailsWithTheReason() {
        ExecResult result = exec.exec(NS, pod, CONTAINER, sh("fsfreeze --freeze /nowhere"), MINUTE);
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().startsWith("fsfreeze: /nowhere: "), result.stderr());
    }

    @Test
    void aMissingPodGivesExitCode126WithTheReason() {
        ExecResult result = exec.exec(NS, "nope", CONTAINER, sh("true"), MINUTE);
        assertEquals(new ExecResult(126, "", "pods \"nope\" not found\n"), result);
    }

    @Test
    void aPodThatIsNotRunningGivesExitCode126WithTheReason() {
        ExecResult result = exec.exec(NS, "waiting", CONTAINER, sh("true"), MINUTE);
        assertEquals(new ExecResult(126, "", "pod shop/waiting is not running\n"), result);
    }

    @Test
    void aMissingContainerGivesExitCode126WithTheReason() {
        ExecResult result = exec.exec(NS, pod, "sidecar", sh("true"), MINUTE);
        assertEquals(new ExecResult(126, "", "container sidecar is not valid for pod " + pod + "\n"), result);
    }

    @Test
    void aCommandStillRunningAtItsTimeoutIsCutOffWith124() {
        ExecResult result = exec.exec(NS, pod, CONTAINER, sh("echo started\nsleep 600\necho finished"),
                Duration.ofSeconds(1));
        assertEquals(124, result.exitCode());
        assertFalse(result.stdout().contains("finished"), result.stdout());
        assertTrue(result.stderr().endsWith("command timed out after PT1S\n"), result.stderr());
    }

    // ---- fixtures ---------------------------------------------------------------------------------------------

    protected static List<String> sh(String script) {
        return List.of("/bin/sh", "-c", script);
    }

    private void write(String record) {
        sim.workloads().append(NS, pod, MOUNT, "log", record.getBytes(StandardCharsets.UTF_8));
    }

    private static void apply(KubernetesPort api, String yaml) {
        for (String doc : yaml.split("(?m)^---$")) {
            try {
                api.create(Resources.fromTree((ObjectNode) YAML.readTree(doc)));
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
