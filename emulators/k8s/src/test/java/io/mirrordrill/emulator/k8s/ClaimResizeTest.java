package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.InvalidException;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API server's rules for growing a claim: PVC update validation and the PersistentVolumeClaimResize plugin. */
class ClaimResizeTest {
    private final AppNamespaceStore store = new AppNamespaceStore(3);

    private void storageClass(String name, boolean expandable) {
        store.create("""
                {"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","provisioner":"csi.trident.netapp.io",
                 "metadata":{"name":"%s"},"allowVolumeExpansion":%s}""".formatted(name, expandable));
    }

    /** A claim of the class, bound as the provisioner leaves it when {@code bound}. */
    private void claim(String name, String storageClass, boolean bound) {
        store.create("""
                {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"%s","namespace":"app"},
                 "spec":{"storageClassName":"%s","accessModes":["ReadWriteOnce"],
                         "resources":{"requests":{"storage":"1Gi"}}}}""".formatted(name, storageClass));
        if (bound) {
            store.api.patch("v1", "PersistentVolumeClaim", "app", name, "{\"spec\":{\"volumeName\":\"pv-" + name
                    + "\"}}");
            store.api.patchStatus("v1", "PersistentVolumeClaim", "app", name, "{\"status\":{\"phase\":\"Bound\","
                    + "\"capacity\":{\"storage\":\"1Gi\"}}}");
        }
    }

    private ObjectNode grow(String name, String size) {
        return Resources.toTree(store.api.patch("v1", "PersistentVolumeClaim", "app", name,
                "{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"" + size + "\"}}}}"));
    }

    @Test
    void aBoundClaimOfAnExpandableClassMayAskForMore() {
        storageClass("gold", true);
        claim("data", "gold", true);
        assertEquals("2Gi", grow("data", "2Gi").at("/spec/resources/requests/storage").asText());
    }

    @Test
    void aClassWithoutAllowVolumeExpansionIsForbidden() {
        storageClass("fixed", false);
        claim("data", "fixed", true);
        KubernetesException e = assertThrows(KubernetesException.class, () -> grow("data", "2Gi"));
        assertEquals(403, e.code());
        assertTrue(e.getMessage().contains("only dynamically provisioned pvc can be resized and the storageclass"
                + " that provisions the pvc must support resize"), e.getMessage());
    }

    @Test
    void aClaimCannotShrinkNorGrowBeforeItIsBound() {
        storageClass("gold", true);
        claim("data", "gold", true);
        KubernetesException shrink = assertThrows(KubernetesException.class, () -> grow("data", "512Mi"));
        assertInstanceOf(InvalidException.class, shrink);
        assertTrue(shrink.getMessage().contains("field can not be less than previous value"), shrink.getMessage());
        claim("pending", "gold", false);
        KubernetesException unbound = assertThrows(KubernetesException.class, () -> grow("pending", "2Gi"));
        assertEquals(422, unbound.code());
        assertTrue(unbound.getMessage().contains("for bound claims"), unbound.getMessage());
    }
}
