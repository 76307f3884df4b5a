package io.mirrordrill.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestoreCleanerTest {
    private static final RestoreCleaner PROVISION = new RestoreCleaner(PersistentVolumes.PROVISION);
    private static final RestoreCleaner RESTORE = new RestoreCleaner(PersistentVolumes.RESTORE);

    private static ObjectNode clean(RestoreCleaner cleaner, String yaml, Set<String> volumes, List<String> decisions) {
        return cleaner.clean(Yaml.object(yaml), volumes, decisions);
    }

    private static ObjectNode clean(String yaml) {
        return clean(PROVISION, yaml, Set.of(), new ArrayList<>());
    }

    private static Optional<String> skip(RestoreCleaner cleaner, String kind, String ownerKind, boolean controller) {
        return cleaner.skipReason(Yaml.object("{apiVersion: v1, kind: " + kind + ", metadata: {name: x, namespace: n,"
                + " ownerReferences: [{apiVersion: apps/v1, kind: " + ownerKind + ", name: owner, uid: u1,"
                + " controller: " + controller + "}]}}"));
    }

    @Test
    void serverSetMetadataStatusAndOwnerReferencesAreStrippedAndTheRestKept() {
        ObjectNode cleaned = clean("""
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                  namespace: ns-1
                  uid: 0d3c1f4e-0000-4000-8000-000000000001
                  resourceVersion: "4711"
                  creationTimestamp: "2024-01-01T00:00:00Z"
                  generation: 3
                  managedFields: [{manager: kubectl}]
                  selfLink: /apis/example.com/v1/namespaces/ns-1/widgets/w
                  ownerReferences: [{apiVersion: example.com/v1, kind: Gadget, name: g, uid: u2}]
                  labels: {app: w}
                  annotations: {note: kept}
                  finalizers: [example.com/cleanup]
                spec: {size: 2}
                status: {ready: true}
                """);
        assertEquals(Yaml.object("""
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                  namespace: ns-1
                  labels: {app: w}
                  annotations: {note: kept}
                  finalizers: [example.com/cleanup]
                spec: {size: 2}
                """), cleaned);
    }

    @Test
    void theInputResourceIsNotChanged() {
        ObjectNode original = Yaml.object("{apiVersion: v1, kind: ConfigMap, metadata: {name: c, uid: u}}");
        PROVISION.clean(original, Set.of(), new ArrayList<>());
        assertEquals("u", original.at("/metadata/uid").asText());
    }

    @Test
    void podsAndReplicaSetsThatAWorkloadControllerRecreatesAreLeftOut() {
        assertEquals(Optional.of("owned by ReplicaSet owner, which recreates it"), skip(PROVISION, "Pod", "ReplicaSet",
                true));
        assertEquals(Optional.of("owned by StatefulSet owner, which recreates it"), skip(PROVISION, "Pod",
                "StatefulSet", true));
        assertEquals(Optional.of("owned by Deployment owner, which recreates it"), skip(PROVISION, "ReplicaSet",
                "Deployment", true));
        assertTrue(skip(PROVISION, "ControllerRevision", "StatefulSet", true).isPresent());
    }

    @Test
    void aNonControllerOwnerOrAnOwnerThatDoesNotRecreateTheChildKeepsItInTheRestore() {
        assertEquals(Optional.empty(), skip(PROVISION, "Pod", "ReplicaSet", false));
        assertEquals(Optional.empty(), skip(PROVISION, "Pod", "Widget", true));
        assertEquals(Optional.empty(), skip(PROVISION, "PersistentVolumeClaim", "StatefulSet", true),
                "a claim owned by its StatefulSet holds data: it is restored");
        assertEquals(Optional.empty(), PROVISION.skipReason(Yaml.object(
                "{apiVersion: v1, kind: Pod, metadata: {name: bare, namespace: n}}")));
    }

    @Test
    void persistentVolumesAreLeftOutWhenTheDestinationProvisionsAndRestoredOtherwise() {
        ObjectNode pv = Yaml.object("{apiVersion: v1, kind: PersistentVolume, metadata: {name: pv-1}}");
        assertEquals(Optional.of("points at the source's volume; the destination binds its claim to its own volume"),
                PROVISION.skipReason(pv));
        assertEquals(Optional.empty(), RESTORE.skipReason(pv));
    }

    @Test
    void aClaimLosesItsBindingToAVolumeThatIsNotRestoredWithIt() {
        List<String> decisions = new ArrayList<>();
        ObjectNode claim = clean(PROVISION, """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                  namespace: ns-1
                  annotations:
                    pv.kubernetes.io/bind-completed: "yes"
                    pv.kubernetes.io/bound-by-controller: "yes"
                    volume.kubernetes.io/selected-node: node-7
                    volume.kubernetes.io/storage-provisioner: csi.trident.netapp.io
                    volume.beta.kubernetes.io/storage-provisioner: csi.trident.netapp.io
                spec: {volumeName: pvc-123, storageClassName: gold}
                status: {phase: Bound}
                """, Set.of(), decisions);
        assertEquals(Yaml.object("""
                {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data, namespace: ns-1},
                 spec: {storageClassName: gold}}
                """), claim);
        assertEquals(List.of("spec.volumeName pvc-123 cleared: the claim binds to a volume of the destination"),
                decisions);
    }

    @Test
    void aClaimKeepsItsVolumeNameWhenThatVolumeIsRestoredWithIt() {
        List<String> decisions = new ArrayList<>();
        ObjectNode claim = clean(RESTORE, "{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: d,"
                + " namespace: n}, spec: {volumeName: pvc-123}}", Set.of("pvc-123"), decisions);
        assertEquals("pvc-123", claim.at("/spec/volumeName").asText());
        assertEquals(List.of(), decisions);
    }

    @Test
    void aRestoredVolumeKeepsItsClaimByNameButNotByUidOrVersion() {
        ObjectNode pv = clean(RESTORE, """
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: pvc-123, annotations: {pv.kubernetes.io/bound-by-controller: "yes",
                  pv.kubernetes.io/provisioned-by: csi.trident.netapp.io}}
                spec:
                  claimRef: {kind: PersistentVolumeClaim, namespace: ns-1, name: data, uid: u-1, resourceVersion: "9"}
                  csi: {driver: csi.trident.netapp.io, volumeHandle: pvc-123}
                """, Set.of(), new ArrayList<>());
        assertEquals(Yaml.node("{kind: PersistentVolumeClaim, namespace: ns-1, name: data}"),
                pv.at("/spec/claimRef"));
        assertEquals(Yaml.node("{pv.kubernetes.io/provisioned-by: csi.trident.netapp.io}"),
                pv.at("/metadata/annotations"));
    }

    @Test
    void aServiceLosesItsAllocatedClusterIpButAHeadlessServiceStaysHeadless() {
        List<String> decisions = new ArrayList<>();
        ObjectNode service = clean(PROVISION, "{apiVersion: v1, kind: Service, metadata: {name: web, namespace: n},"
                + " spec: {clusterIP: 10.0.0.12, clusterIPs: [10.0.0.12], ports: [{port: 80, nodePort: 30080}],"
                + " type: NodePort}}", Set.of(), decisions);
        assertEquals(Yaml.node("{ports: [{port: 80, nodePort: 30080}], type: NodePort}"), service.get("spec"));
        assertEquals(List.of("spec.clusterIP 10.0.0.12 cleared: the destination allocates its own"), decisions);

        ObjectNode headless = clean("{apiVersion: v1, kind: Service, metadata: {name: db, namespace: n},"
                + " spec: {clusterIP: None, clusterIPs: [None]}}");
        assertEquals(Yaml.node("{clusterIP: None, clusterIPs: [None]}"), headless.get("spec"));
    }

    @Test
    void aBarePodIsNotPinnedToASourceNode() {
        ObjectNode pod = clean("{apiVersion: v1, kind: Pod, metadata: {name: p, namespace: n},"
                + " spec: {nodeName: node-7, containers: [{name: c, image: busybox}]}}");
        assertEquals(Yaml.node("{containers: [{name: c, image: busybox}]}"), pod.get("spec"));
    }

    @Test
    void kindsOfOtherGroupsWithCoreKindNamesAreOnlyStrippedOfMetadataAndStatus() {
        ObjectNode custom = clean("{apiVersion: example.com/v1, kind: Service, metadata: {name: s, namespace: n},"
                + " spec: {clusterIP: keep-me}}");
        assertEquals("keep-me", custom.at("/spec/clusterIP").asText());
    }

    @Test
    void restoreLabelsNameTheRestoreAndTheArchive() {
        ObjectNode stamped = RestoreLabels.stamp(Yaml.object("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}}"),
                "amr-1", "20240101120000_snap_1");
        assertEquals(Yaml.node("{protect.trident.netapp.io/restore-name: amr-1,"
                + " protect.trident.netapp.io/restore-archive: 20240101120000_snap_1}"), stamped.at("/metadata/labels"));
        ObjectNode unstamped = RestoreLabels.stamp(Yaml.object("{apiVersion: v1, kind: ConfigMap, metadata: {name: c,"
                + " labels: {app: a}}}"), null, null);
        assertEquals(Yaml.node("{app: a}"), unstamped.at("/metadata/labels"));
    }

    @Test
    void aValueTooLongOrInvalidForALabelIsShortenedWithAHashThatKeepsValuesApart() {
        String archive = "20240101120000_replication-shutdown-snapshot-afc4c564_2f1a9e40-1b05-4e80-9d26-d326dc1953d8";
        String value = RestoreLabels.labelValue(archive);
        assertEquals(63, value.length());
        assertTrue(value.startsWith("20240101120000_replication-shutdown-snapshot-afc4c564_2f-"), value);
        assertEquals(value, RestoreLabels.labelValue(archive), "the same value gives the same label");
        String other = RestoreLabels.labelValue(archive.replace("d8", "d9"));
        assertEquals(value.substring(0, 56), other.substring(0, 56));
        assertTrue(!value.equals(other), "the hash keeps them apart");
        assertTrue(RestoreLabels.labelValue("a/b").matches("a-b-[0-9a-f]{6}"), RestoreLabels.labelValue("a/b"));
        assertEquals("ok-name.1", RestoreLabels.labelValue("ok-name.1"));
    }
}
