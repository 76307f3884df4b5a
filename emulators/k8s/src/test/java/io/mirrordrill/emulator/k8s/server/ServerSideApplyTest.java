package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KindRegistry;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Field ownership: apply's entries and conflicts, and the Update entries other writes record. */
class ServerSideApplyTest {
    private static final ResourceKind DEPLOYMENT = KindRegistry.withBuiltins().require("apps/v1", "Deployment");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String CONFIG = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},
             "spec":{"replicas":%d,"template":{"spec":{"containers":[{"name":"app","image":"%s"}]}}}}""";

    @Test
    void applyOwnsEveryFieldOfItsConfigurationWithListItemsByKey() {
        ObjectNode web = apply(null, config(1, "shop:1"), "ops", false);
        JsonNode entry = web.at("/metadata/managedFields/0");
        assertEquals("ops", entry.path("manager").asText());
        assertEquals("Apply", entry.path("operation").asText());
        assertEquals("FieldsV1", entry.path("fieldsType").asText());
        assertEquals("""
                {"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:template":{"f:spec":\
                {"f:containers":{"k:{\\"name\\":\\"app\\"}":{".":{},"f:image":{},"f:name":{}}}}}}}""",
                entry.path("fieldsV1").toString());
    }

    @Test
    void anotherManagersDifferentValueConflictsUnlessForcedWhichTakesTheFieldOver() {
        ObjectNode web = apply(null, config(1, "shop:1"), "ops", false);
        ObjectNode scaled = web.deepCopy();
        ((ObjectNode) scaled.get("spec")).put("replicas", 3);
        ManagedFields.recordUpdate(DEPLOYMENT, web, scaled, "hpa", "", NOW);
        StatusError e = assertThrows(StatusError.class, () -> apply(scaled, config(1, "shop:2"), "ops", false));
        assertEquals(409, e.code());
        assertEquals("Apply failed with 1 conflict: conflict with \"hpa\" using apps/v1: .spec.replicas",
                e.getMessage());
        JsonNode cause = e.status().at("/details/causes/0");
        assertEquals("FieldManagerConflict", cause.path("reason").asText());
        assertEquals(".spec.replicas", cause.path("field").asText());
        ObjectNode forced = apply(scaled, config(1, "shop:2"), "ops", true);
        assertEquals(1, forced.at("/spec/replicas").asInt());
        assertEquals(1, forced.at("/metadata/managedFields").size(), "hpa owned nothing else and is gone");
    }

    @Test
    void theSameValueUnderAnotherManagerIsSharedNotAConflict() {
        ObjectNode web = apply(null, config(2, "shop:1"), "ops", false);
        ObjectNode again = apply(web, config(2, "shop:1"), "gitops", false);
        assertEquals(2, again.at("/metadata/managedFields").size());
    }

    @Test
    void aFieldTheApplierDropsIsRemovedUnlessAnotherManagerOwnsIt() {
        ObjectNode web = apply(null, json("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web","x":"1"}},
                 "spec":{"replicas":1,"paused":true}}"""), "ops", false);
        ObjectNode shared = apply(web, json("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"paused":true}}"""),
                "other", false);
        ObjectNode next = apply(shared, json("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},
                 "spec":{"replicas":1}}"""), "ops", false);
        assertFalse(next.at("/metadata/labels").has("x"), "only ops set it");
        assertTrue(next.at("/spec/paused").asBoolean(), "other still owns it");
    }

    @Test
    void anUpdateTakesTheFieldsItChangesFromOtherManagers() {
        ObjectNode web = apply(null, config(1, "shop:1"), "ops", false);
        ObjectNode edited = web.deepCopy();
        ((ObjectNode) edited.at("/spec/template/spec/containers/0")).put("image", "shop:9");
        ManagedFields.recordUpdate(DEPLOYMENT, web, edited, "kubectl-edit", "", NOW);
        JsonNode entries = edited.at("/metadata/managedFields");
        assertEquals(2, entries.size());
        assertEquals("kubectl-edit", entries.get(1).path("manager").asText());
        assertEquals("Update", entries.get(1).path("operation").asText());
        assertEquals("2026-01-01T00:00:00Z", entries.get(1).path("time").asText());
        assertTrue(entries.get(1).at("/fieldsV1/f:spec/f:template/f:spec/f:containers/k:{\"name\":\"app\"}")
                .has("f:image"));
        assertFalse(entries.get(0).at("/fieldsV1/f:spec/f:template/f:spec/f:containers/k:{\"name\":\"app\"}")
                .has("f:image"));
    }

    @Test
    void aStatusWriteOwnsStatusFieldsUnderTheStatusSubresourceAndASpecWriteNone() {
        ObjectNode web = apply(null, config(1, "shop:1"), "ops", false);
        ObjectNode ready = web.deepCopy();
        ready.putObject("status").put("readyReplicas", 1);
        ManagedFields.recordUpdate(DEPLOYMENT, web, ready, "kube-controller-manager", "status", NOW);
        JsonNode entry = ready.at("/metadata/managedFields/1");
        assertEquals("status", entry.path("subresource").asText());
        assertEquals("{\"f:status\":{\"f:readyReplicas\":{}}}", entry.path("fieldsV1").toString());
        ObjectNode noStatusKind = json("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},"
                + "\"status\":{\"x\":1}}");
        ResourceKind configMap = KindRegistry.withBuiltins().require("v1", "ConfigMap");
        ManagedFields.recordUpdate(configMap, null, noStatusKind, "me", "", NOW);
        assertTrue(noStatusKind.at("/metadata/managedFields/0/fieldsV1").has("f:status"),
                "without a status subresource, status is a field like any other");
    }

    @Test
    void theManagerOfARequestIsItsFieldManagerElseTheUserAgentsProduct() {
        assertEquals("kubectl-patch", ManagedFields.manager(java.util.Map.of("fieldManager",
                java.util.List.of("kubectl-patch")), "kubectl/v1.32.4 (linux/amd64)"));
        assertEquals("kubectl", ManagedFields.manager(java.util.Map.of(), "kubectl/v1.32.4 (linux/amd64)"));
    }

    private static ObjectNode apply(ObjectNode live, ObjectNode config, String manager, boolean force) {
        return ServerSideApply.apply(DEPLOYMENT, live, config, manager, force, false, NOW);
    }

    private static ObjectNode config(int replicas, String image) {
        return json(CONFIG.formatted(replicas, image));
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) Resources.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
