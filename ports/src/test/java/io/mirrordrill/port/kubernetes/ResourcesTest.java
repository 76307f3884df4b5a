package io.mirrordrill.port.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResourcesTest {

    @Test
    void typedAndGenericFormsConvertBothWaysWithoutLoss() {
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("cfg").withNamespace("app")
                .withLabels(Map.of("a", "b")).withFinalizers("x/y").endMetadata().withData(Map.of("k", "v")).build();
        GenericKubernetesResource generic = Resources.toGeneric(cm);
        assertEquals("v1", generic.getApiVersion());
        assertEquals("ConfigMap", generic.getKind());
        assertEquals(Map.of("k", "v"), generic.get("data"));
        assertEquals(cm, Resources.toTyped(generic, ConfigMap.class));
        assertEquals(generic, Resources.fromTree(Resources.toTree(generic)));
    }

    @Test
    void describeNamesNamespaceAndName() {
        assertEquals("app/cfg", Resources.describe(Resources.generic("v1", "ConfigMap", "app", "cfg")));
        assertEquals("pv-1", Resources.describe(Resources.generic("v1", "PersistentVolume", null, "pv-1")));
    }
}
