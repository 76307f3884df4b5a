package io.mirrordrill.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RestoreOrderTest {
    private static ObjectNode resource(String apiVersion, String kind, String namespace, String name) {
        ObjectNode node = Yaml.object("{apiVersion: " + apiVersion + ", kind: " + kind + ", metadata: {name: " + name
                + "}}");
        if (namespace != null) {
            ((ObjectNode) node.get("metadata")).put("namespace", namespace);
        }
        return node;
    }

    private static final List<ObjectNode> VELERO_ORDER = List.of(
            resource("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "widgets.example.com"),
            resource("v1", "Namespace", null, "ns-2"),
            resource("storage.k8s.io/v1", "StorageClass", null, "fast"),
            resource("snapshot.storage.k8s.io/v1", "VolumeSnapshotClass", null, "csi"),
            resource("snapshot.storage.k8s.io/v1", "VolumeSnapshotContent", null, "content-1"),
            resource("snapshot.storage.k8s.io/v1", "VolumeSnapshot", "ns-2", "snap"),
            resource("v1", "PersistentVolume", null, "pv-1"),
            resource("v1", "PersistentVolumeClaim", "ns-2", "data"),
            resource("v1", "Secret", "ns-2", "creds"),
            resource("v1", "ConfigMap", "ns-2", "config"),
            resource("v1", "ServiceAccount", "ns-2", "app"),
            resource("v1", "LimitRange", "ns-2", "limits"),
            resource("v1", "Pod", "ns-2", "debug"),
            resource("apps/v1", "ReplicaSet", "ns-2", "bare"),
            // the rest: by group ("" first), kind, namespace, name
            resource("v1", "Service", "ns-2", "web"),
            resource("apps/v1", "Deployment", "ns-2", "web"),
            resource("apps/v1", "StatefulSet", "ns-2", "db"),
            resource("example.com/v1", "Widget", "ns-2", "w"),
            resource("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null, "reader"),
            resource("rbac.authorization.k8s.io/v1", "RoleBinding", "ns-2", "rb"));

    @Test
    void resourcesComeInVeleroOrderThenTheRestByGroupKindNamespaceAndName() {
        List<ObjectNode> shuffled = new ArrayList<>(VELERO_ORDER);
        Collections.reverse(shuffled);
        assertEquals(VELERO_ORDER, RestoreOrder.sort(shuffled));
    }

    @Test
    void anyInputOrderGivesTheSameOrder() {
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            List<ObjectNode> shuffled = new ArrayList<>(VELERO_ORDER);
            Collections.shuffle(shuffled, random);
            assertEquals(VELERO_ORDER, RestoreOrder.sort(shuffled));
        }
    }

    @Test
    void tiesWithinAKindAreBrokenByNamespaceThenName() {
        List<ObjectNode> expected = List.of(resource("v1", "ConfigMap", "a", "z"), resource("v1", "ConfigMap", "b", "a"),
                resource("v1", "ConfigMap", "b", "b"));
        assertEquals(expected, RestoreOrder.sort(List.of(expected.get(2), expected.get(0), expected.get(1))));
    }

    @Test
    void aKindOfTheSameNameInAnotherGroupIsNotGivenThePriority() {
        ObjectNode customSecret = resource("example.com/v1", "Secret", "ns-2", "s");
        ObjectNode secret = resource("v1", "Secret", "ns-2", "s");
        ObjectNode service = resource("v1", "Service", "ns-2", "s");
        assertEquals(List.of(secret, service, customSecret), RestoreOrder.sort(List.of(customSecret, service, secret)));
    }

    @Test
    void twoVersionsOfTheSameResourceAreOrderedByApiVersion() {
        ObjectNode v1 = resource("example.com/v1", "Widget", "ns", "w");
        ObjectNode v2 = resource("example.com/v2", "Widget", "ns", "w");
        assertEquals(List.of(v1, v2), RestoreOrder.sort(List.of(v2, v1)));
    }
}
