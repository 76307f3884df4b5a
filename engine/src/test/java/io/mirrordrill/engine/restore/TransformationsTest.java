package io.mirrordrill.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.JsonPatchOperation;
import io.mirrordrill.engine.model.SnapshotRestore;
import io.mirrordrill.engine.model.validation.Validator;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformationsTest {
    private static final String OWNER = "SnapshotRestore ns-2/restore";
    private static final ObjectNode DEPLOYMENT = Yaml.object("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: ns-2, labels: {app: web}}
            spec: {replicas: 3}
            """);
    private static final ObjectNode SERVICE = Yaml.object("""
            {apiVersion: v1, kind: Service, metadata: {name: web, namespace: ns-2}, spec: {type: ClusterIP}}
            """);

    private static String restoreYaml(String transformations) {
        return """
                apiVersion: protect.trident.netapp.io/v1
                kind: SnapshotRestore
                metadata: {name: restore, namespace: ns-2}
                spec:
                  appArchivePath: app_1/snapshots/s
                  appVaultRef: vault
                  transformations:
                """ + transformations.indent(2);
    }

    /** Operations as a user writes them in a SnapshotRestore, read through the model. */
    private static List<JsonPatchOperation> operations(String yaml) {
        return ((SnapshotRestore) ProtectYaml.readAll("restore.yaml", restoreYaml(yaml)).get(0)).spec()
                .transformations();
    }

    private static Transformations of(String yaml) {
        return Transformations.of(OWNER, operations(yaml));
    }

    private static List<String> problems(String yaml) {
        return assertThrows(RestoreException.class, () -> of(yaml)).problems().stream()
                .map(RestoreProblem::toString).toList();
    }

    @Test
    void anOperationWithoutMatchAppliesToEveryResource() {
        Transformations t = of("- {op: add, path: /metadata/annotations, value: {dr: 'true'}}");
        List<String> decisions = new ArrayList<>();
        assertEquals("true", t.apply(DEPLOYMENT, decisions).at("/metadata/annotations/dr").asText());
        assertEquals("true", t.apply(SERVICE, decisions).at("/metadata/annotations/dr").asText());
        assertEquals(List.of("spec.transformations[0] applied", "spec.transformations[0] applied"), decisions);
    }

    @Test
    void theModelsValidatorAcceptsAMatchOnAnOperation() {
        assertEquals(List.of(), Validator.validate("restore.yaml", restoreYaml(
                "- {op: replace, path: /spec/replicas, value: 0, match: {group: apps, kind: Deployment}}")));
    }

    @Test
    void aMatchByGroupAndKindSelectsOnlyThoseResources() {
        Transformations t = of("- {op: replace, path: /spec/replicas, value: 0, match: {group: apps, kind: Deployment}}");
        assertEquals(0, t.apply(DEPLOYMENT, new ArrayList<>()).at("/spec/replicas").asInt());
        assertSame(SERVICE, t.apply(SERVICE, new ArrayList<>()));
        assertEquals(3, DEPLOYMENT.at("/spec/replicas").asInt(), "the input resource is never changed");
    }

    @Test
    void anEmptyGroupMatchesTheCoreGroupOnly() {
        Transformations t = of("- {op: add, path: /metadata/labels, value: {core: 'yes'}, match: {group: ''}}");
        assertEquals("yes", t.apply(SERVICE, new ArrayList<>()).at("/metadata/labels/core").asText());
        assertSame(DEPLOYMENT, t.apply(DEPLOYMENT, new ArrayList<>()));
    }

    @Test
    void aMatchByNameAndNamespaceUsesTheDestinationNamespace() {
        Transformations t = of("""
                - {op: replace, path: /spec/type, value: LoadBalancer, match: {kind: Service, name: web, namespace: ns-2}}
                - {op: replace, path: /spec/type, value: NodePort, match: {kind: Service, namespace: ns-1}}
                """);
        List<String> decisions = new ArrayList<>();
        assertEquals("LoadBalancer", t.apply(SERVICE, decisions).at("/spec/type").asText());
        assertEquals(List.of("spec.transformations[0] applied"), decisions);
    }

    @Test
    void aFailingTestLeavesTheResourceUnchangedAndNamesResourceIndexAndPath() {
        Transformations t = of("""
                - {op: add, path: /metadata/labels/tier, value: front}
                - {op: test, path: /spec/replicas, value: 5}
                """);
        RestoreException e = assertThrows(RestoreException.class, () -> t.apply(DEPLOYMENT, new ArrayList<>()));
        assertEquals("Deployment ns-2/web: spec.transformations[1] (test /spec/replicas): test failed: the value at"
                + " /spec/replicas is not the expected value. Fix: correct the expected value, or restrict the"
                + " operation to the resources it holds for; it has no match, so it applies to every restored"
                + " resource: add one, e.g. match: {group: apps, kind: Deployment, name: web, namespace: ns-2}",
                e.getMessage());
        assertEquals("{\"app\":\"web\"}", DEPLOYMENT.at("/metadata/labels").toString());
    }

    @Test
    void theIndexReportedIsThePositionInTheSpecNotAmongTheMatchingOperations() {
        Transformations t = of("""
                - {op: remove, path: /spec/type, match: {kind: Service}}
                - {op: remove, path: /spec/paused, match: {kind: Deployment}}
                """);
        RestoreException e = assertThrows(RestoreException.class, () -> t.apply(DEPLOYMENT, new ArrayList<>()));
        assertEquals("spec.transformations[1] (remove /spec/paused)", e.problems().get(0).field());
        assertEquals("path /spec/paused does not exist (nothing at /spec/paused)", e.problems().get(0).reason());
        assertEquals("restrict the operation to resources that have it", e.problems().get(0).fix());
    }

    @Test
    void aPatchThatRemovesTheResourcesIdentityIsRefused() {
        Transformations t = of("- {op: remove, path: /kind}");
        RestoreException e = assertThrows(RestoreException.class, () -> t.apply(SERVICE, new ArrayList<>()));
        assertEquals("Service ns-2/web: spec.transformations[0]: the patched resource has no apiVersion, kind or"
                + " metadata.name. Fix: patch fields of the resource, not its identity", e.getMessage());
    }

    @Test
    void malformedOperationsAndMatchesAreAllReportedBeforeAnyResourceIsTouched() {
        assertEquals(List.of(
                OWNER + ": spec.transformations[0]: \"upsert\" is not an RFC 6902 operation. Fix: use add, remove,"
                        + " replace, move, copy or test",
                OWNER + ": spec.transformations[1]: path \"spec/replicas\" is not a JSON Pointer: a JSON Pointer starts"
                        + " with '/'. Fix: start it with '/', e.g. /metadata/labels/app",
                OWNER + ": spec.transformations[2]: from is missing. Fix: write a JSON Pointer such as"
                        + " /metadata/labels/app",
                OWNER + ": spec.transformations[3].match.knd: is not a match field. Fix: use group, kind, name or"
                        + " namespace",
                OWNER + ": spec.transformations[4].match: is not an object. Fix: write match: {group: apps, kind:"
                        + " Deployment, name: web, namespace: ns-2}",
                OWNER + ": spec.transformations[5]: value is missing. Fix: give the value to replace (null is written"
                        + " null)"),
                problems("""
                        - {op: upsert, path: /a, value: 1}
                        - {op: replace, path: spec/replicas, value: 1}
                        - {op: move, path: /a}
                        - {op: remove, path: /a, match: {knd: Deployment}}
                        - {op: remove, path: /a, match: Deployment}
                        - {op: replace, path: /a}
                        """));
    }

    @Test
    void noTransformationsLeaveEveryResourceAsItIs() {
        List<String> decisions = new ArrayList<>();
        assertSame(DEPLOYMENT, Transformations.none().apply(DEPLOYMENT, decisions));
        assertSame(DEPLOYMENT, Transformations.of(OWNER, null).apply(DEPLOYMENT, decisions));
        assertEquals(List.of(), decisions);
    }
}
