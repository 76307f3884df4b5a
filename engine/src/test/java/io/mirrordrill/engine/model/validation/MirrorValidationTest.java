package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Problems.has;
import static io.mirrordrill.engine.model.validation.Problems.ofEditedSeed;
import static io.mirrordrill.engine.model.validation.Problems.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mirrordrill.engine.model.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MirrorValidationTest {
    private static final String SEED = Seeds.RELATIONSHIP;
    private static final String MAPPING = """
              namespaceMapping:
                - destination: my-app-namespace
                  source: my-app-namespace
            """;

    private static List<Problem> edited(String from, String to) {
        return ofEditedSeed(SEED, from, to);
    }

    private static List<Problem> mapping(String entries) {
        return edited(MAPPING, "  namespaceMapping:\n" + entries);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sourceAppVaultRef, AppVault (on this cluster) of the source application's bucket",
        "destinationAppVaultRef, AppVault for the destination application on this cluster",
        "sourceApplicationName, source Application as named on the source cluster"
    })
    void eachVaultReferenceAndTheSourceApplicationAreRequired(String field, String fix) {
        String text = Seeds.text(SEED);
        String line = text.lines().filter(l -> l.startsWith("  " + field + ":")).findFirst().orElseThrow();
        single(edited(line + "\n", ""), "spec." + field, "is missing", fix);
    }

    @Test
    void theNamespaceMappingIsRequiredAndMayNotBeEmpty() {
        single(edited(MAPPING, ""), "spec.namespaceMapping", "is missing",
                "namespaceMapping: [{source: <source app namespace>, destination: <namespace on this cluster>}]");
        single(edited(MAPPING, "  namespaceMapping: []\n"), "spec.namespaceMapping", "is empty", "namespaceMapping:");
    }

    @Test
    void aDesiredStateInTheWrongCaseSaysItIsCaseSensitive() {
        single(edited("desiredState: Established", "desiredState: promoted"), "spec.desiredState",
                "\"promoted\" is not Established or Promoted", "write Promoted (the value is case-sensitive)");
    }

    @Test
    void anUnknownDesiredStateSaysWhatEachValueDoes() {
        Problem problem = single(edited("desiredState: Established", "desiredState: FailedOver"), "spec.desiredState",
                "\"FailedOver\" is not Established or Promoted", "write Established to replicate or Promoted to fail over");
        assertEquals(8, problem.line());
    }

    @Test
    void aMissingDesiredStateMeansEstablished() {
        assertEquals(List.of(), edited("  desiredState: Established\n", ""));
    }

    @Test
    void aMappingEntryWithoutSourceOrDestinationIsReported() {
        single(mapping("    - destination: my-app-namespace\n"), "spec.namespaceMapping[0].source", "is missing",
                "set the source namespace");
        single(mapping("    - source: my-app-namespace\n"), "spec.namespaceMapping[0].destination", "is missing",
                "set the destination namespace");
    }

    @Test
    void aSourceNamespaceMappedTwiceIsReportedAtTheSecondEntry() {
        Problem problem = single(mapping("""
                    - {source: ns-1, destination: ns-2}
                    - {source: ns-1, destination: ns-3}
                """), "spec.namespaceMapping[1].source", "source namespace \"ns-1\" appears twice (also in"
                + " spec.namespaceMapping[0])", "map each source namespace once");
        assertEquals(12, problem.line());
    }

    @Test
    void twoSourcesMappedOntoOneDestinationAreReported() {
        single(mapping("""
                    - {source: ns-1, destination: ns-2}
                    - {source: ns-3, destination: ns-2}
                """), "spec.namespaceMapping[1].destination", "destination namespace \"ns-2\" appears twice",
                "map each source namespace to a different destination");
    }

    @Test
    void aNamespaceThatIsNotAValidNameIsReported() {
        single(mapping("    - {source: My_Namespace, destination: ns-2}\n"), "spec.namespaceMapping[0].source",
                "\"My_Namespace\" is not a valid namespace name", "at most 63 lowercase letters");
    }

    @Test
    void aMalformedMappingShapeIsReportedAsATypeProblem() {
        single(edited(MAPPING, "  namespaceMapping: my-app-namespace\n"), "spec.namespaceMapping",
                "must be a list, not the string \"my-app-namespace\"", "starting with \"- \"");
        single(mapping("    - my-app-namespace\n"), "spec.namespaceMapping[0]", "must be a mapping", "indent the fields");
    }

    @Test
    void storageClassMappingsAreCheckedLikeNamespaceMappings() {
        List<Problem> problems = edited("  storageClassName: sc-vsim-2\n", """
                  storageClassMapping:
                    - {source: gold, destination: sc-vsim-2}
                    - {source: gold, destination: silver}
                    - {destination: bronze}
                """);
        has(problems, "spec.storageClassMapping[1].source", "source storage class \"gold\" appears twice",
                "map each source storage class once");
        has(problems, "spec.storageClassMapping[2].source", "is missing", "set the source storage class");
        assertEquals(2, problems.size(), Problems.render(problems));
    }

    @Test
    void aPromotedSnapshotMustBeTheArchiveBasename() {
        single(edited("  storageClassName: sc-vsim-2\n", "  storageClassName: sc-vsim-2\n  promotedSnapshot:"
                + " my-app-name_7498d32c/snapshots/20240301101500_shutdown_0d7c5d1e\n"), "spec.promotedSnapshot",
                "is not the basename of a snapshot archive", "write only the last path segment:"
                        + " 20240301101500_shutdown_0d7c5d1e");
    }

    @Test
    void aSourceApplicationUidMustLookLikeAKubernetesUid() {
        single(edited("7498d32c-328e-4ddd-9029-122540866aeb", "my-app-name"), "spec.sourceApplicationUID",
                "\"my-app-name\" is not a Kubernetes UID", "jsonpath='{.metadata.uid}'");
    }

    @Test
    void aBadRecurrenceRuleOnTheRelationshipIsReported() {
        single(edited("DTSTART:20220101T000200Z", "DTSTART;TZID=Europe/Berlin:20220101T000200"),
                "spec.recurrenceRule", "DTSTART parameters (TZID=Europe/Berlin) are not supported", "without TZID");
    }

    @Test
    void transformationsMustSelectAKindAndCarryRfc6902Operations() {
        List<Problem> problems = edited("  storageClassName: sc-vsim-2\n", """
                  storageClassName: sc-vsim-2
                  transformations:
                    - resource: {kind: Deployment}
                      operations:
                        - {op: replace, path: /spec/replicas, value: 0}
                        - {op: upsert, path: /spec/x, value: 1}
                        - {op: add, path: metadata/labels/dr, value: x}
                        - {op: add, path: /metadata/labels/dr}
                        - {op: move, path: /a}
                """);
        has(problems, "spec.transformations[0].operations[1].op", "\"upsert\" is not an RFC 6902 operation",
                "add, remove, replace");
        has(problems, "spec.transformations[0].operations[2].path", "\"metadata/labels/dr\" is not a JSON Pointer",
                "/metadata/labels/dr");
        has(problems, "spec.transformations[0].operations[3].value", "value is missing", "give the value to add");
        has(problems, "spec.transformations[0].operations[4].from", "from is missing", "JSON Pointer");
        assertEquals(4, problems.size(), Problems.render(problems));
    }
}
