package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mirrordrill.emulator.element.ElementEmulator;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.port.element.ElementPort;
import io.mirrordrill.port.element.VolumeRecord;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Trident's solidfire-san driver in the cluster simulator: claims become Element volumes of the backend's tenant. */
class ElementProvisioningTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final World world = new World(9);
    private final ElementEmulator element = new ElementEmulator(world);
    private final KubernetesPort api;
    private final ClusterSimulator sim;

    ElementProvisioningTest() {
        world.network().site("east");
        element.addCluster("sf1", "east");
        KubernetesCluster k8s = new KubernetesCluster(world, "k1", "east");
        api = k8s.port();
        sim = new ClusterSimulator(world, api, "k1", "east", new OntapEmulator(world)).withElement(element);
        sim.addBackend("sf-gold", TridentBackend.SOLIDFIRE_SAN, "sf1", "trident");
        sim.start();
        apply("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: sf-gold}
                provisioner: csi.trident.netapp.io
                parameters: {backendType: solidfire-san, storagePools: "sf-gold:pool"}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec:
                  storageClassName: sf-gold
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 3Gi}}
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
                """);
        world.advance(Duration.ofMinutes(1));
    }

    private void apply(String yaml) {
        for (String doc : yaml.split("(?m)^---$")) {
            try {
                api.create(Resources.fromTree((ObjectNode) YAML.readTree(doc)));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    private String pod() {
        return api.list("v1", "Pod", "shop", LabelSelector.everything()).get(0).getMetadata().getName();
    }

    @Test
    void aClaimBecomesAVolumeOfTheTenantAccountCreatedForItAndABlockPvBoundToIt() {
        JsonNode pvc = Tree.of(api.get("v1", "PersistentVolumeClaim", "shop", "data").orElseThrow());
        assertEquals("Bound", pvc.path("status").path("phase").asText());
        String pvName = "pvc-" + Tree.uid((ObjectNode) pvc);
        ElementPort port = element.port("sf1", "east");
        assertEquals(List.of("trident"), port.listAccounts().stream().map(a -> a.username()).toList());
        VolumeRecord volume = port.listVolumes().get(0);
        assertEquals(pvName, volume.name());
        assertEquals(3L << 30, volume.totalSize());
        assertEquals(port.listAccounts().get(0).accountID(), volume.accountID());
        JsonNode csi = Tree.of(api.get("v1", "PersistentVolume", null, pvName).orElseThrow()).path("spec").path("csi");
        assertEquals("block", csi.path("volumeAttributes").path("protocol").asText());
        assertEquals("ext4", csi.path("fsType").asText());
        assertEquals(pvName, csi.path("volumeAttributes").path("internalName").asText());
    }

    @Test
    void thePodsWritesLandInTheElementVolumeAndARollbackTakesThemBackToTheSnapshot() {
        Workloads io = sim.workloads();
        io.append("shop", pod(), "/var/lib/db", "log", "one\n".getBytes(StandardCharsets.UTF_8));
        ElementPort port = element.port("sf1", "east");
        long snapshot = port.createSnapshot(1, "before", null).snapshotID();
        io.append("shop", pod(), "/var/lib/db", "log", "two\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("one\ntwo\n", new String(element.data("sf1", 1, "east").read("log"), StandardCharsets.UTF_8));
        port.rollbackToSnapshot(1, snapshot, false, null);
        assertEquals("one\n", new String(io.read("shop", pod(), "/var/lib/db", "log"), StandardCharsets.UTF_8));
    }
}
