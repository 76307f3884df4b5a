package io.mirrordrill.engine.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed {@code storageClassMapping} is a finding with file, line, field and fix, never an exception. */
class StorageClassMappingValidationTest {
    /** Line 10 is {@code storageClassMapping:}; the block given to {@link #amr} starts on line 11. */
    private static String amr(String mapping) {
        return Problems.relationshipEndingWith("storageClassMapping", mapping);
    }

    private static final String FIELD = "spec.storageClassMapping";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("not a list", "{source: gold, destination: fast}\n", FIELD, 10, "must be a list",
                        "\"- \""),
                Arguments.of("an entry that is not a mapping", "- gold\n", FIELD + "[0]", 11, "must be a mapping",
                        "indent the fields"),
                Arguments.of("an empty entry", "- {source: gold, destination: fast}\n-\n", FIELD + "[1]", 12,
                        "is empty", "write source: <storage class> and destination: <storage class>"),
                Arguments.of("source missing", "- {destination: fast}\n", FIELD + "[0].source", 11, "is missing",
                        "set the source storage class"),
                Arguments.of("destination missing", "- source: gold\n", FIELD + "[0].destination", 11,
                        "is missing", "set the destination storage class"),
                Arguments.of("source empty", "- source: ''\n  destination: fast\n", FIELD + "[0].source", 11,
                        "is empty", "set the source storage class"),
                Arguments.of("destination empty", "- source: gold\n  destination: ''\n", FIELD + "[0].destination",
                        12, "is empty", "set the destination storage class"),
                Arguments.of("source not a string", "- source: [gold]\n  destination: fast\n", FIELD + "[0].source",
                        11, "must be a string, not a list", "quote the value"),
                Arguments.of("destination a number", "- source: gold\n  destination: 7\n",
                        FIELD + "[0].destination", 12, "must be a string, not the number 7",
                        "quote the value: destination: \"7\""),
                Arguments.of("destination not a storage class name", "- source: gold\n  destination: Fast_SSD\n",
                        FIELD + "[0].destination", 12, "\"Fast_SSD\" is not a valid Kubernetes name",
                        "lowercase letters, digits"),
                Arguments.of("a source mapped twice to the same class",
                        "- {source: gold, destination: fast}\n- {source: silver, destination: fast}\n"
                                + "- {source: gold, destination: fast}\n",
                        FIELD + "[2].source", 13, "\"gold\" appears twice (also in spec.storageClassMapping[0]),"
                                + " both times to \"fast\"", "delete this repeated entry"),
                Arguments.of("a source mapped to two classes",
                        "- {source: gold, destination: fast}\n- {source: gold, destination: slow}\n",
                        FIELD + "[1].source", 12, "contradicting destinations \"fast\" and \"slow\"",
                        "keep the entry whose destination you want"),
                Arguments.of("Velero's map form instead of entries", "gold: fast\n", FIELD, 10, "must be a list",
                        "\"- \""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedStorageClassMappingIsAFindingWithLineFieldAndFix(String name, String block, String field,
            int line, String message, String fix) {
        List<Problem> problems = Validator.validate(Problems.FILE, amr(block));
        Problem problem = Problems.has(problems, field, message, fix);
        assertEquals(line, problem.line(), () -> Problems.render(problems));
    }

    @Test
    void storageClassNameNextToAMappingIsAllowedSinceTheMappingSimplyOverridesIt() {
        assertEquals(List.of(), Validator.validate(Problems.FILE, amr("- {source: gold, destination: fast}\n")
                .replace("  storageClassMapping:", "  storageClassName: standard\n  storageClassMapping:")));
    }

    @Test
    void twoSourceClassesMayMergeIntoOneDestinationClass() {
        assertEquals(List.of(), Validator.validate(Problems.FILE,
                amr("- {source: gold, destination: fast}\n- {source: silver, destination: fast}\n")));
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
                  storageClassMapping:
                    - {source: gold, destination: fast}
                    - {source: gold, destination: slow}
                """);
        Problem problem = Problems.single(problems, FIELD + "[1].source", "contradicting destinations",
                "map each source storage class once");
        assertEquals(9, problem.line());
    }
}
