package io.mirrordrill.scenario.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Objects by "cluster kind namespace/name". */
    private static Template.Lookup objects(Map<String, String> json) {
        return new Template.Lookup() {
            public Optional<String> variable(String name) {
                return Optional.empty();
            }

            public Optional<JsonNode> object(Ref ref) {
                String key = ref.cluster() + " " + ref.kind() + " " + (ref.namespace() == null ? "" : ref.namespace())
                        + "/" + ref.name();
                return Optional.ofNullable(json.get(key)).map(text -> {
                    try {
                        return JSON.readTree(text);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        };
    }

    @Test
    void aClaimsVolumeIsTheInternalNameOfThePersistentVolumeItIsBoundTo() {
        Template.Lookup lookup = objects(Map.of(
                "k8s PersistentVolumeClaim shop/data", "{\"spec\": {\"volumeName\": \"pvc-1\"}}",
                "k8s PersistentVolume /pvc-1",
                "{\"spec\": {\"csi\": {\"volumeAttributes\": {\"internalName\": \"vol3\"}}}}"));
        assertEquals("svm1:vol3", Template.render("svm1:${volume:k8s/PersistentVolumeClaim/shop/data}", lookup));
    }

    @Test
    void aClaimNotBoundYetHasNoVolumeToName() {
        Template.Lookup lookup = objects(Map.of("k8s PersistentVolumeClaim shop/data", "{\"spec\": {}}"));
        Template.TemplateException e = assertThrows(Template.TemplateException.class,
                () -> Template.render("${volume:k8s/PersistentVolumeClaim/shop/data}", lookup));
        assertTrue(e.getMessage().contains("is not bound to a volume yet"), e.getMessage());
    }

    @Test
    void aVolumeReferenceNamesAClaimWithItsNamespace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Template.references("${volume:k8s/PersistentVolume/pvc-1}"));
        assertTrue(e.getMessage().contains("volume:CLUSTER/PersistentVolumeClaim/NAMESPACE/NAME"), e.getMessage());
    }
}
