package io.mirrordrill.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.ResourceTransformation;
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

    /** Transformations as a user writes them in a SnapshotRestore, read through the model. */
    private static List<ResourceTransformation> entries(String yaml) {
        return ((SnapshotRestore) ProtectYaml.readAll("restore.yaml", restoreYaml(yaml)).get(0)).spec()
                .transformations();
    }

    private static Transformations of(String yaml) {
        return Transformations.of(OWNER, entries(yaml));
    }

    private static List<String> problems(String yaml) {
        return assertThrows(RestoreException.class, () -> of(yaml)).problems().stream()
                .map(RestoreProblem::toString).toList();
    }

    @Test
    void anEntryAppliesItsOperationsToEveryResourceOfItsKind() {
        Transformations t = of("""
                - resource: {kind: Deployment}
                  operations:
                    - {op: add, path: /metadata/annotations, value: {dr: 'true'}}
                    - {op: replace, path: /spec/replicas, value: 1}
                """);
        List<String> decisions = new ArrayList<>();
        ObjectNode patched = t.apply(DEPLOYMENT, decisions);
        assertEquals("true", patched.at("/metadata/annotations/dr").asText());
        assertEquals(1, patched.at("/spec/replicas").asInt());
        assertSame(SERVICE, t.apply(SERVICE, decisions));
        assertEquals(List.of("spec.transformations[0] applied"), decisions);
        assertEquals(3, DEPLOYMENT.at("/spec/replicas").asInt(), "the input resource is never changed");
    }

    @Test
    void theModelsValidatorAcceptsTheDocumentedForm() {
        assertEquals(List.of(), Validator.validate("restore.yaml", restoreYaml("""
                - resource: {kind: ConfigMap, group: "", version: "", name: ""}
                  operations:
                    - {op: replace, path: /data/key, value: new-value}
                - resource: {kind: Route, group: route.openshift.io}
                  operations: [{op: replace, path: /spec/host, value: prod.example.com}]
                - resource: {kind: ConfigMap}
                  operations:
                    - {op: copy, from: /data/source-key, path: /data/backup-key}
                    - {op: move, from: /data/OLD_KEY, path: /data/NEW_KEY}
                    - {op: remove, path: /metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration}
                    - {op: test, path: /data/environment, value: staging}
                """)));
    }

    @Test
    void groupVersionAndNameNarrowTheSelectionAndEmptyMeansAny() {
        Transformations t = of("""
                - resource: {kind: Deployment, group: apps, version: v1, name: web}
                  operations: [{op: add, path: /metadata/labels/a, value: '1'}]
                - resource: {kind: Deployment, group: "", version: "", name: ""}
                  operations: [{op: add, path: /metadata/labels/b, value: '2'}]
                - resource: {kind: Deployment, version: v1beta1}
                  operations: [{op: add, path: /metadata/labels/c, value: '3'}]
                - resource: {kind: Deployment, name: other}
                  operations: [{op: add, path: /metadata/labels/d, value: '4'}]
                - resource: {kind: Deployment, group: extensions}
                  operations: [{op: add, path: /metadata/labels/e, value: '5'}]
                """);
        List<String> decisions = new ArrayList<>();
        assertEquals("{\"app\":\"web\",\"a\":\"1\",\"b\":\"2\"}",
                t.apply(DEPLOYMENT, decisions).at("/metadata/labels").toString());
        assertEquals(List.of("spec.transformations[0] applied", "spec.transformations[1] applied"), decisions);
    }

    @Test
    void aFailedTestRollsBackThatEntryOnlyAndTheOthersStillApply() {
        Transformations t = of("""
                - resource: {kind: Deployment}
                  operations: [{op: add, path: /metadata/labels/tier, value: front}]
                - resource: {kind: Deployment}
                  operations:
                    - {op: add, path: /metadata/labels/env, value: prod}
                    - {op: test, path: /spec/replicas, value: 5}
                - resource: {kind: Deployment}
                  operations:
                    - {op: test, path: /spec/paused, value: true}
                - resource: {kind: Deployment}
                  operations:
                    - {op: test, path: /spec/replicas, value: 3}
                    - {op: replace, path: /spec/replicas, value: 0}
                """);
        List<String> decisions = new ArrayList<>();
        ObjectNode patched = t.apply(DEPLOYMENT, decisions);
        assertEquals("{\"app\":\"web\",\"tier\":\"front\"}", patched.at("/metadata/labels").toString());
        assertEquals(0, patched.at("/spec/replicas").asInt());
        assertEquals(List.of("spec.transformations[0] applied",
                "spec.transformations[1] rolled back: spec.transformations[1].operations[1] (test /spec/replicas)"
                        + " test failed: the value at /spec/replicas is not the expected value",
                "spec.transformations[2] rolled back: spec.transformations[2].operations[0] (test /spec/paused)"
                        + " path /spec/paused does not exist (nothing at /spec/paused)",
                "spec.transformations[3] applied"), decisions);
        assertEquals("{\"app\":\"web\"}", DEPLOYMENT.at("/metadata/labels").toString());
    }

    @Test
    void anOperationOtherThanTestThatFailsRefusesTheRestoreNamingEntryOperationAndPath() {
        Transformations t = of("""
                - resource: {kind: Service}
                  operations: [{op: remove, path: /spec/type}]
                - resource: {kind: Deployment}
                  operations:
                    - {op: add, path: /metadata/labels/x, value: y}
                    - {op: remove, path: /spec/paused}
                """);
        RestoreException e = assertThrows(RestoreException.class, () -> t.apply(DEPLOYMENT, new ArrayList<>()));
        assertEquals("Deployment ns-2/web: spec.transformations[1].operations[1] (remove /spec/paused): path"
                + " /spec/paused does not exist (nothing at /spec/paused). Fix: restrict the operation to resources"
                + " that have it", e.getMessage());
    }

    @Test
    void aPatchThatRemovesTheResourcesIdentityIsRefused() {
        Transformations t = of("- {resource: {kind: Service}, operations: [{op: remove, path: /kind}]}");
        RestoreException e = assertThrows(RestoreException.class, () -> t.apply(SERVICE, new ArrayList<>()));
        assertEquals("Service ns-2/web: spec.transformations[0]: the patched resource has no apiVersion, kind or"
                + " metadata.name. Fix: patch fields of the resource, not its identity", e.getMessage());
    }

    @Test
    void claimsAndNamespacesAreNeverModified() {
        ObjectNode claim = Yaml.object("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: d,"
                + " namespace: ns-2}}");
        assertSame(claim, Transformations.none().apply(claim, new ArrayList<>()));
        assertEquals(List.of(OWNER + ": spec.transformations[0].resource.kind: PersistentVolumeClaims cannot be"
                + " modified by transformations (Trident protect does not support it). Fix: remove this"
                + " transformation; map namespaces with namespaceMapping and storage classes with"
                + " storageClassMapping"), problems("""
                - resource: {kind: PersistentVolumeClaim}
                  operations: [{op: add, path: /metadata/labels/x, value: y}]
                """));
    }

    @Test
    void malformedEntriesAreAllReportedBeforeAnyResourceIsTouched() {
        assertEquals(List.of(
                OWNER + ": spec.transformations[0].operations[0].op: \"upsert\" is not an RFC 6902 operation. Fix:"
                        + " use add, remove, replace, move, copy or test",
                OWNER + ": spec.transformations[0].operations[1].path: path \"spec/replicas\" is not a JSON"
                        + " Pointer: a JSON Pointer starts with '/'. Fix: start it with '/', e.g. /spec/replicas",
                OWNER + ": spec.transformations[1].resource.kind: is missing. Fix: set the kind of the resources to"
                        + " modify, e.g. kind: ConfigMap (kinds are case-sensitive)",
                OWNER + ": spec.transformations[1].operations[0].from: from is missing. Fix: write a JSON Pointer"
                        + " such as /metadata/labels/app"),
                problems("""
                        - resource: {kind: Deployment}
                          operations:
                            - {op: upsert, path: /a, value: 1}
                            - {op: replace, path: spec/replicas, value: 1}
                        - resource: {name: web}
                          operations: [{op: move, path: /a}]
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
