package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A Secret's stringData lands base64 in data on every write and is never kept; data must be base64. */
class SecretStringDataTest {
    private final AppNamespaceStore store = new AppNamespaceStore(3);
    private final KubernetesPort api = store.api;

    @Test
    void createMergesStringDataIntoDataAsBase64AndStringDataWins() {
        ObjectNode created = create("""
                "data":{"user":"b2xk","keep":"eA=="},"stringData":{"user":"admin","pass":"s3cr3t"}""");
        assertEquals("YWRtaW4=", created.at("/data/user").asText());
        assertEquals("czNjcjN0", created.at("/data/pass").asText());
        assertEquals("eA==", created.at("/data/keep").asText());
        assertFalse(created.has("stringData"));
        ObjectNode stored = Resources.toTree(api.get("v1", "Secret", "app", "s").orElseThrow());
        assertFalse(stored.has("stringData"));
        assertEquals(created.get("data"), stored.get("data"));
    }

    @Test
    void updateAndMergePatchMergeStringDataToo() {
        ObjectNode created = create("\"data\":{\"a\":\"YQ==\"}");
        created.putObject("stringData").put("b", "bee");
        ObjectNode updated = Resources.toTree(api.update(Resources.fromTree(created)));
        assertEquals("YmVl", updated.at("/data/b").asText());
        assertEquals("YQ==", updated.at("/data/a").asText());
        assertFalse(updated.has("stringData"));
        ObjectNode patched = Resources.toTree(api.patch("v1", "Secret", "app", "s",
                "{\"stringData\":{\"a\":\"new\"}}"));
        assertEquals("bmV3", patched.at("/data/a").asText());
        assertFalse(patched.has("stringData"));
    }

    @Test
    void dataThatIsNotBase64IsRefusedWithTheApiServersMessage() {
        KubernetesException e = assertThrows(KubernetesException.class,
                () -> create("\"data\":{\"a\":\"not base64\"}"));
        assertEquals(400, e.code());
        assertEquals("BadRequest", e.reason());
        assertEquals("Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 3",
                e.getMessage());
        assertEquals("illegal base64 data at input byte 0", assertThrows(KubernetesException.class,
                () -> create("\"data\":{\"a\":\"YWJ\"}")).getMessage().split(": ")[1]);
        assertEquals("illegal base64 data at input byte 4", assertThrows(KubernetesException.class,
                () -> create("\"data\":{\"a\":\"YQ==YQ==\"}")).getMessage().split(": ")[1]);
        assertFalse(api.get("v1", "Secret", "app", "s").isPresent());
    }

    private ObjectNode create(String fields) {
        return store.create("""
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"app"},%s}"""
                .formatted(fields));
    }
}
