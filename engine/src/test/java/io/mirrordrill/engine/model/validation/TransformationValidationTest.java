package io.mirrordrill.engine.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed {@code transformations} block is a finding with file, line, field and fix, never an exception. */
class TransformationValidationTest {
    /** Line 10 is {@code transformations:}; the block given to {@link #amr} starts on line 11. */
    private static String amr(String transformations) {
        return Problems.relationshipEndingWith("transformations", transformations);
    }

    private static final String OPS = "  operations: [{op: add, path: /metadata/labels/dr, value: 'yes'}]\n";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("kind missing", "- resource: {name: web}\n" + OPS,
                        "spec.transformations[0].resource.kind", 11, "is missing", "kind: ConfigMap"),
                Arguments.of("kind empty", "- resource:\n    kind: ''\n" + OPS,
                        "spec.transformations[0].resource.kind", 12, "is empty", "kind: ConfigMap"),
                Arguments.of("resource missing", "- operations: [{op: remove, path: /a}]\n",
                        "spec.transformations[0].resource", 11, "is missing", "resource: {kind: ConfigMap"),
                Arguments.of("operations missing", "- resource: {kind: ConfigMap}\n",
                        "spec.transformations[0].operations", 11, "is missing", "operations: [{op: replace"),
                Arguments.of("operations empty", "- resource: {kind: ConfigMap}\n  operations: []\n",
                        "spec.transformations[0].operations", 12, "is empty", "operations: [{op: replace"),
                Arguments.of("unknown op", "- resource: {kind: ConfigMap}\n  operations:\n"
                        + "    - {op: upsert, path: /data/a, value: b}\n",
                        "spec.transformations[0].operations[0].op", 13, "\"upsert\" is not an RFC 6902 operation",
                        "use add, remove, replace, move, copy or test"),
                Arguments.of("op missing", "- resource: {kind: ConfigMap}\n  operations:\n"
                        + "    - {path: /data/a, value: b}\n",
                        "spec.transformations[0].operations[0].op", 13, "op is missing", "use add, remove"),
                Arguments.of("bad escape ~2 in path", "- resource: {kind: ConfigMap}\n  operations:\n"
                        + "    - op: remove\n      path: /metadata/annotations/a~2b\n",
                        "spec.transformations[0].operations[0].path", 14, "'~' must be followed by 0 or 1",
                        "escape '~' as ~0 and '/' as ~1"),
                Arguments.of("path without leading slash", "- resource: {kind: ConfigMap}\n  operations:\n"
                        + "    - op: remove\n      path: data/a\n",
                        "spec.transformations[0].operations[0].path", 14, "is not a JSON Pointer",
                        "start it with '/', e.g. /data/a"),
                Arguments.of("path missing", "- resource: {kind: ConfigMap}\n  operations:\n    - op: remove\n",
                        "spec.transformations[0].operations[0].path", 13, "path is missing", "JSON Pointer"),
                Arguments.of("value missing for replace", "- resource: {kind: ConfigMap}\n  operations:\n"
                        + "    - {op: replace, path: /data/a}\n",
                        "spec.transformations[0].operations[0].value", 13, "value is missing",
                        "give the value to replace"),
                Arguments.of("value missing for test", "- resource: {kind: ConfigMap}\n  operations:\n"
                        + "    - {op: test, path: /data/a}\n",
                        "spec.transformations[0].operations[0].value", 13, "value is missing",
                        "give the value to test"),
                Arguments.of("from missing for move", "- resource: {kind: ConfigMap}\n  operations:\n"
                        + "    - {op: move, path: /data/b}\n",
                        "spec.transformations[0].operations[0].from", 13, "from is missing", "JSON Pointer"),
                Arguments.of("from missing for copy", "- resource: {kind: ConfigMap}\n  operations:\n"
                        + "    - {op: copy, path: /data/b}\n",
                        "spec.transformations[0].operations[0].from", 13, "from is missing", "JSON Pointer"),
                Arguments.of("from not a pointer", "- resource: {kind: ConfigMap}\n  operations:\n"
                        + "    - op: copy\n      path: /data/b\n      from: data/a\n",
                        "spec.transformations[0].operations[0].from", 15, "is not a JSON Pointer",
                        "e.g. /data/a"),
                Arguments.of("PersistentVolumeClaim targeted", "- resource:\n    kind: PersistentVolumeClaim\n" + OPS,
                        "spec.transformations[0].resource.kind", 12, "PersistentVolumeClaims cannot be modified",
                        "storageClassMapping"),
                Arguments.of("Namespace targeted", "- resource:\n    kind: Namespace\n    group: ''\n" + OPS,
                        "spec.transformations[0].resource.kind", 12, "Namespaces cannot be modified",
                        "namespaceMapping"),
                Arguments.of("operations not a list", "- resource: {kind: ConfigMap}\n  operations: replace\n",
                        "spec.transformations[0].operations", 12, "must be a list", "\"- \""),
                Arguments.of("operation not a mapping", "- resource: {kind: ConfigMap}\n  operations:\n"
                        + "    - replace /data/a\n",
                        "spec.transformations[0].operations[0]", 13, "must be a mapping", "indent the fields"),
                Arguments.of("resource not a mapping", "- resource: ConfigMap\n" + OPS,
                        "spec.transformations[0].resource", 11, "must be a mapping", "indent the fields"),
                Arguments.of("kind not a string", "- resource:\n    kind: [ConfigMap]\n" + OPS,
                        "spec.transformations[0].resource.kind", 12, "must be a string", "quote the value"),
                Arguments.of("transformations not a list", "{resource: {kind: ConfigMap}}\n",
                        "spec.transformations", 10, "must be a list", "\"- \""),
                Arguments.of("an RFC 6902 operation where an entry belongs", "- {op: replace, path: /a, value: 1}\n",
                        "spec.transformations[0].op", 11, "is not a field of a transformation",
                        "operations go under operations"),
                Arguments.of("unknown resource field", "- resource:\n    kind: ConfigMap\n    namespace: shop\n"
                        + OPS, "spec.transformations[0].resource.namespace", 13,
                        "is not a field of a transformation's resource", "use group, kind, name, version"),
                Arguments.of("empty entry", "-\n- resource: {kind: ConfigMap}\n" + OPS,
                        "spec.transformations[0]", 11, "is empty", "resource: {kind: ConfigMap}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedTransformationIsAFindingWithLineFieldAndFix(String name, String block, String field, int line,
            String message, String fix) {
        List<Problem> problems = Validator.validate(Problems.FILE, amr(block));
        Problem problem = Problems.has(problems, field, message, fix);
        assertEquals(line, problem.line(), () -> Problems.render(problems));
    }

    @Test
    void theDocumentedFormIsValidOnARelationship() {
        assertEquals(List.of(), Validator.validate(Problems.FILE, amr("""
                - resource:
                    kind: ConfigMap
                    group: ""
                    version: ""
                    name: ""
                  operations:
                    - op: test
                      path: "/data/environment"
                      value: "staging"
                    - op: replace
                      path: "/data/database-host"
                      value: "prod-db.example.com"
                - resource: {kind: Deployment}
                  operations:
                    - op: add
                      path: "/spec/template/spec/nodeSelector"
                      value:
                        "topology.kubernetes.io/zone": "us-east-1a"
                """)));
    }

    @Test
    void aSnapshotRestoreGetsTheSameFindings() {
        List<Problem> problems = Validator.validate(Problems.FILE, """
                apiVersion: protect.trident.netapp.io/v1
                kind: SnapshotRestore
                metadata: {name: r, namespace: shop-dr}
                spec:
                  appArchivePath: shop_1/snapshots/s
                  appVaultRef: vault
                  transformations:
                    - resource: {kind: Namespace}
                      operations: [{op: add, path: /metadata/labels/a, value: b}]
                """);
        Problem problem = Problems.single(problems, "spec.transformations[0].resource.kind",
                "Namespaces cannot be modified", "namespaceMapping");
        assertEquals(8, problem.line());
        assertTrue(problem.toString().startsWith("bad.yaml:8: SnapshotRestore/shop-dr/r:"), problem.toString());
    }
}
