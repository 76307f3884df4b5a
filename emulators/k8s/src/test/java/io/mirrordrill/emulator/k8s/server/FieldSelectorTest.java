package io.mirrordrill.emulator.k8s.server;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldSelectorTest {
    private final GenericKubernetesResource cfg = Resources.generic("v1", "ConfigMap", "app", "cfg");

    @Test
    void nameAndNamespaceAreSelectedWithEqualityAndInequality() {
        assertTrue(FieldSelector.parse("metadata.name=cfg").matches(cfg));
        assertTrue(FieldSelector.parse("metadata.name==cfg,metadata.namespace=app").matches(cfg));
        assertFalse(FieldSelector.parse("metadata.name!=cfg").matches(cfg));
        assertFalse(FieldSelector.parse("metadata.namespace=other").matches(cfg));
        assertTrue(FieldSelector.parse("").matches(cfg));
    }

    @Test
    void otherFieldsAndMalformedRequirementsAreBadRequests() {
        KubernetesException unsupported = assertThrows(KubernetesException.class,
                () -> FieldSelector.parse("status.phase=Running"));
        assertEquals(400, unsupported.code());
        assertEquals("field label not supported: status.phase", unsupported.getMessage());
        assertEquals(400, assertThrows(KubernetesException.class, () -> FieldSelector.parse("metadata.name")).code());
    }
}
