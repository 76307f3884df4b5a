package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Strategic merge patch case by case, against the results apimachinery's strategicpatch gives. */
class StrategicMergePatchTest {
    private static final PatchSchema.Type DEPLOYMENT = PatchSchema.of("apps", "Deployment");
    private static final String LIVE = """
            {"metadata":{"name":"web","finalizers":["a","b"],"labels":{"app":"web","tier":"db"}},
             "spec":{"replicas":1,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}},
              "template":{"spec":{
               "containers":[{"name":"app","image":"shop:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
                              "args":["x","y"]},
                             {"name":"log","image":"log:1"}],
               "tolerations":[{"key":"k1"}]}}}}""";

    @Test
    void containersMergeByNameAndAChangedFieldLeavesTheOthers() {
        JsonNode r = patch("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"log\",\"image\":\"log:2\"}]}}}}");
        JsonNode containers = r.at("/spec/template/spec/containers");
        assertEquals(2, containers.size());
        assertEquals("shop:1", containers.get(0).path("image").asText());
        assertEquals("log:2", containers.get(1).path("image").asText());
    }

    @Test
    void aNewItemOfAMergingListComesFirstWithoutSetElementOrderAsTheApiServerOrdersIt() {
        JsonNode r = patch("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"new\",\"image\":\"n\"}]}}}}");
        assertEquals("[\"new\",\"app\",\"log\"]", names(r.at("/spec/template/spec/containers")));
    }

    @Test
    void setElementOrderOrdersTheMergedListAndKeepsServerOnlyItemsInTheirPlace() {
        JsonNode r = patch("""
                {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"new"}],
                 "containers":[{"name":"new","image":"n"}]}}}}""");
        assertEquals("[\"app\",\"new\",\"log\"]", names(r.at("/spec/template/spec/containers")));
    }

    @Test
    void patchDeleteRemovesTheItemWithThatKey() {
        JsonNode r = patch("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"log\",\"$patch\":\"delete\"}]}}}}");
        assertEquals("[\"app\"]", names(r.at("/spec/template/spec/containers")));
    }

    @Test
    void patchReplaceOnAListReplacesItWhole() {
        JsonNode r = patch("""
                {"spec":{"template":{"spec":{"containers":[{"$patch":"replace"},{"name":"only","image":"o"}]}}}}""");
        assertEquals("[\"only\"]", names(r.at("/spec/template/spec/containers")));
    }

    @Test
    void patchReplaceOnAnObjectReplacesItAndPatchDeleteEmptiesIt() {
        JsonNode replaced = patch("{\"metadata\":{\"labels\":{\"$patch\":\"replace\",\"only\":\"x\"}}}");
        assertEquals("{\"only\":\"x\"}", replaced.at("/metadata/labels").toString());
        JsonNode deleted = patch("{\"metadata\":{\"labels\":{\"$patch\":\"delete\"}}}");
        assertEquals("{}", deleted.at("/metadata/labels").toString());
    }

    @Test
    void nullRemovesAFieldAndListsWithoutAStrategyAreReplaced() {
        JsonNode r = patch("""
                {"metadata":{"labels":{"tier":null}},
                 "spec":{"template":{"spec":{"tolerations":[{"key":"k2"}],
                  "containers":[{"name":"app","args":["z"]}]}}}}""");
        assertEquals("{\"app\":\"web\"}", r.at("/metadata/labels").toString());
        assertEquals("[{\"key\":\"k2\"}]", r.at("/spec/template/spec/tolerations").toString());
        assertEquals("[\"z\"]", r.at("/spec/template/spec/containers/0/args").toString());
    }

    @Test
    void primitiveListsWithTheMergeStrategyAreUnitedAndDeleteFromPrimitiveListRemovesValues() {
        assertEquals("[\"c\",\"a\",\"b\"]", patch("{\"metadata\":{\"finalizers\":[\"c\",\"a\"]}}")
                .at("/metadata/finalizers").toString());
        assertEquals("[\"b\"]", patch("{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"a\"]}}")
                .at("/metadata/finalizers").toString());
        assertEquals("[\"b\",\"a\"]", patch("{\"metadata\":{\"$setElementOrder/finalizers\":[\"b\",\"a\"]}}")
                .at("/metadata/finalizers").toString());
    }

    @Test
    void retainKeysDropsTheMembersItDoesNotList() {
        JsonNode r = patch("{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"type\":\"Recreate\"}}}");
        assertEquals("{\"type\":\"Recreate\"}", r.at("/spec/strategy").toString());
        KubernetesException e = assertThrows(KubernetesException.class, () -> patch(
                "{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"rollingUpdate\":{}}}}"));
        assertEquals(400, e.code());
        assertEquals("invalid patch format of retainKeys", e.getMessage());
    }

    @Test
    void envMergesByNameInsideAContainerThatMergesByName() {
        JsonNode r = patch("""
                {"spec":{"template":{"spec":{"containers":[{"name":"app",
                 "$setElementOrder/env":[{"name":"A"},{"name":"B"}],"env":[{"name":"B","value":"3"}]}]}}}}""");
        assertEquals("[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"3\"}]",
                r.at("/spec/template/spec/containers/0/env").toString());
    }

    @Test
    void anItemWithoutItsMergeKeyIsRefused() {
        KubernetesException e = assertThrows(KubernetesException.class, () -> patch(
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":\"x\"}]}}}}"));
        assertEquals(500, e.code());
        assertEquals(true, e.getMessage().contains("does not contain declared merge key: name"));
    }

    @Test
    void theLiveObjectIsLeftUnchanged() {
        ObjectNode live = tree(LIVE);
        StrategicMergePatch.apply(live, tree("{\"metadata\":{\"labels\":null}}"), DEPLOYMENT);
        assertEquals(tree(LIVE), live);
    }

    private static JsonNode patch(String patch) {
        return StrategicMergePatch.apply(tree(LIVE), tree(patch), DEPLOYMENT);
    }

    private static String names(JsonNode items) {
        var names = Resources.mapper().createArrayNode();
        items.forEach(i -> names.add(i.get("name")));
        return names.toString();
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) Resources.mapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }
}
