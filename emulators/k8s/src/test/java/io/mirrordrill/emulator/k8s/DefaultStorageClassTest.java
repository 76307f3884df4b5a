package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The DefaultStorageClass admission plugin, as a real API server runs it on claim creation. */
class DefaultStorageClassTest {
    private final World world = new World(2);
    private final KubernetesPort api;

    DefaultStorageClassTest() {
        world.network().site("dc");
        api = new KubernetesCluster(world, "k", "dc").port();
        api.create(Resources.fromTree(tree("""
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"app"}}""")));
    }

    @Test
    void aClaimWithoutAClassGetsTheDefaultOneAndAnEmptyClassStaysEmpty() {
        storageClass("slow", false);
        storageClass("fast", true);
        assertEquals("fast", claim("c1", "").at("/spec/storageClassName").asText());
        assertEquals("", claim("c2", "\"storageClassName\":\"\",").at("/spec/storageClassName").asText());
        assertEquals("slow", claim("c3", "\"storageClassName\":\"slow\",").at("/spec/storageClassName").asText());
    }

    @Test
    void withoutADefaultClassAClaimStaysWithoutOne() {
        storageClass("slow", false);
        assertFalse(claim("c1", "").path("spec").has("storageClassName"));
    }

    private void storageClass(String name, boolean isDefault) {
        api.create(Resources.fromTree(tree("""
                {"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","provisioner":"csi.trident.netapp.io",
                 "metadata":{"name":"%s","annotations":{"storageclass.kubernetes.io/is-default-class":"%s"}}}"""
                .formatted(name, isDefault))));
    }

    private ObjectNode claim(String name, String classField) {
        return Resources.toTree(api.create(Resources.fromTree(tree("""
                {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"%s","namespace":"app"},
                 "spec":{%s"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}"""
                .formatted(name, classField)))));
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) Resources.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
