package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The DefaultStorageClass admission plugin, as a real API server runs it on claim creation. */
class DefaultStorageClassTest {
    private final AppNamespaceStore store = new AppNamespaceStore(2);

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
        store.create("""
                {"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","provisioner":"csi.trident.netapp.io",
                 "metadata":{"name":"%s","annotations":{"storageclass.kubernetes.io/is-default-class":"%s"}}}"""
                .formatted(name, isDefault));
    }

    private ObjectNode claim(String name, String classField) {
        return store.create("""
                {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"%s","namespace":"app"},
                 "spec":{%s"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}"""
                .formatted(name, classField));
    }
}
