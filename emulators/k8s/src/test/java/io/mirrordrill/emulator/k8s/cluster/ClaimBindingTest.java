package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Kubernetes does with a claim that names a volume another claim holds, and with a claim bound twice. */
class ClaimBindingTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final World world = new World(3);
    private final KubernetesPort api;

    ClaimBindingTest() {
        world.network().site("east");
        OntapEmulator ontap = new OntapEmulator(world);
        ontap.addCluster("c1", "east");
        ontap.addSvm("c1", "svm1", SvmSubtype.DEFAULT);
        api = new KubernetesCluster(world, "k1", "east").port();
        ClusterSimulator sim = new ClusterSimulator(world, api, "k1", "east", ontap);
        sim.addBackend("nas-1", TridentBackend.ONTAP_NAS, "c1", "svm1");
        sim.start();
        apply("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: gold
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
                metadata: {name: first, namespace: shop}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
                """);
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

    private JsonNode claim(String name) {
        return api.get("v1", "PersistentVolumeClaim", "shop", name).map(Tree::of).orElseThrow();
    }

    private String volumeOfFirst() {
        JsonNode first = claim("first");
        assertEquals("Bound", first.path("status").path("phase").asText());
        return first.path("spec").path("volumeName").asText();
    }

    private List<String> warnings(String reason) {
        return api.list("v1", "Event", "shop", LabelSelector.everything()).stream().map(Resources::toTree)
                .filter(e -> e.path("reason").asText().equals(reason)).map(e -> e.path("message").asText()).toList();
    }

    @Test
    void aClaimNamingAVolumeBoundToAnotherClaimStaysPendingWithAFailedBindingWarning() {
        String pv = volumeOfFirst();
        apply("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: second, namespace: shop}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
                  volumeName: %s
                """.formatted(pv));
        world.advance(Duration.ofMinutes(1));
        assertEquals("Pending", claim("second").path("status").path("phase").asText());
        assertEquals(List.of("volume \"" + pv + "\" already bound to a different claim."), warnings("FailedBinding"));
        assertEquals("first", api.get("v1", "PersistentVolume", null, pv).map(Tree::of).orElseThrow()
                .path("spec").path("claimRef").path("name").asText(), "the volume stays with its claim");
    }

    @Test
    void aPodOfAClaimThatCannotBindIsNotScheduled() {
        String pv = volumeOfFirst();
        apply("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: second, namespace: shop}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
                  volumeName: %s
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: shop}
                spec:
                  containers: [{name: c, image: busybox, volumeMounts: [{name: d, mountPath: /d}]}]
                  volumes: [{name: d, persistentVolumeClaim: {claimName: second}}]
                """.formatted(pv));
        world.advance(Duration.ofMinutes(1));
        JsonNode pod = api.get("v1", "Pod", "shop", "p").map(Tree::of).orElseThrow();
        assertEquals("Pending", pod.path("status").path("phase").asText());
        assertTrue(pod.path("status").path("message").asText().contains("unbound immediate PersistentVolumeClaims"));
    }

    @Test
    void aClaimNamingAFreeVolumeBindsToItAndTheVolumeRecordsTheClaim() {
        apply("""
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: retained}
                spec:
                  capacity: {storage: 1Gi}
                  accessModes: [ReadWriteOnce]
                  storageClassName: gold
                  csi: {driver: csi.trident.netapp.io, volumeHandle: retained}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: static, namespace: shop}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
                  volumeName: retained
                """);
        world.advance(Duration.ofMinutes(1));
        JsonNode claim = claim("static");
        assertEquals("Bound", claim.path("status").path("phase").asText());
        assertEquals("1Gi", claim.path("status").path("capacity").path("storage").asText());
        JsonNode ref = api.get("v1", "PersistentVolume", null, "retained").map(Tree::of).orElseThrow()
                .path("spec").path("claimRef");
        assertEquals(claim.path("metadata").path("uid").asText(), ref.path("uid").asText());
    }

    @Test
    void aBoundClaimWhoseVolumeIsGivenToAnotherClaimIsLostAsMisbound() {
        String pv = volumeOfFirst();
        ObjectNode volume = api.get("v1", "PersistentVolume", null, pv).map(Tree::of).orElseThrow();
        Tree.with(volume, "spec.claimRef").put("name", "intruder").put("uid", "0000");
        api.update(Tree.resource(volume));
        world.advance(Duration.ofSeconds(5));
        assertEquals("Lost", claim("first").path("status").path("phase").asText());
        assertEquals(List.of("Two claims are bound to the same volume, this one is bound incorrectly"),
                warnings("ClaimMisbound"));
    }

    @Test
    void aBoundClaimWhoseVolumeIsDeletedIsLost() {
        String pv = volumeOfFirst();
        api.delete("v1", "PersistentVolume", null, pv);
        world.advance(Duration.ofSeconds(5));
        assertEquals("Lost", claim("first").path("status").path("phase").asText());
        assertEquals(List.of("Bound claim has lost its PersistentVolume. Data on the volume is lost!"),
                warnings("ClaimLost"));
    }

    @Test
    void aBoundClaimCannotBePointedAtAnotherVolume() {
        volumeOfFirst();
        ObjectNode first = (ObjectNode) claim("first");
        Tree.with(first, "spec").put("volumeName", "pvc-other");
        KubernetesException refused = assertThrows(KubernetesException.class,
                () -> api.update(Tree.resource(first)));
        assertEquals(422, refused.code());
        assertTrue(refused.getMessage().contains("spec: Forbidden: spec is immutable after creation except "
                + "resources.requests and volumeAttributesClassName for bound claims"), refused.getMessage());
    }
}
