package io.mirrordrill.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.engine.restore.MetadataDecision.Action;
import io.mirrordrill.engine.restore.MetadataDecision.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceMetadataMergeTest {
    private static final NamespaceMetadataMerge NO_SKIPS = new NamespaceMetadataMerge(SkipList.NONE, SkipList.NONE);

    /** Seed 000, "Namespace annotations and labels during restore and failover operations". */
    private static final NamespaceMetadata SEED_SOURCE = NamespaceMetadata.of("ns-1",
            Map.of("environment", "production", "compliance", "hipaa", "name", "ns-1"),
            Map.of("annotation.one/key", "updatedvalue", "annotation.two/key", "true"));
    private static final NamespaceMetadata SEED_DESTINATION = NamespaceMetadata.of("ns-2",
            Map.of("role", "database"),
            Map.of("annotation.one/key", "true", "annotation.three/key", "false"));

    private static MergedNamespace merge(NamespaceMetadataMerge merge, Map<String, String> sourceLabels,
            Map<String, String> destinationLabels) {
        return merge.merge(NamespaceMetadata.of("ns-1", sourceLabels, Map.of()),
                NamespaceMetadata.of("ns-2", destinationLabels, Map.of()), true);
    }

    private static Action labelAction(MergedNamespace merged, String key) {
        return merged.decisions().stream().filter(d -> d.field() == Field.LABEL && d.key().equals(key))
                .findFirst().orElseThrow().action();
    }

    @Test
    void theSeedsDestinationNamespaceComesOutExactlyAsItsAfterTable() {
        MergedNamespace merged = NO_SKIPS.merge(SEED_SOURCE, SEED_DESTINATION, true);

        assertEquals("ns-2", merged.destination());
        assertEquals(Map.of("annotation.one/key", "updatedvalue", "annotation.two/key", "true",
                "annotation.three/key", "false"), merged.result().annotations());
        assertEquals(Map.of("name", "ns-2", "compliance", "hipaa", "environment", "production", "role", "database"),
                merged.result().labels());
    }

    @Test
    void theSeedsMergeReportsOneDecisionPerKeyAnnotationsFirstSortedByKey() {
        List<String> report = NO_SKIPS.merge(SEED_SOURCE, SEED_DESTINATION, true).decisions().stream()
                .map(MetadataDecision::toString).toList();

        assertEquals(List.of(
                "Namespace ns-2: annotation annotation.one/key: overwritten \"true\" -> \"updatedvalue\"",
                "Namespace ns-2: annotation annotation.three/key: kept \"false\"",
                "Namespace ns-2: annotation annotation.two/key: added \"true\"",
                "Namespace ns-2: label compliance: added \"hipaa\"",
                "Namespace ns-2: label environment: added \"production\"",
                "Namespace ns-2: label name: renamed \"ns-1\" -> \"ns-2\"",
                "Namespace ns-2: label role: kept \"database\""), report);
    }

    @Test
    void aKeyOnlyOnTheSourceIsAdded() {
        MergedNamespace merged = merge(NO_SKIPS, Map.of("team", "a"), Map.of());
        assertEquals(Map.of("team", "a"), merged.result().labels());
        assertEquals(Action.ADDED, labelAction(merged, "team"));
    }

    @Test
    void aKeyOnBothTakesTheSourceValue() {
        MergedNamespace merged = merge(NO_SKIPS, Map.of("team", "a"), Map.of("team", "b"));
        assertEquals(Map.of("team", "a"), merged.result().labels());
        assertEquals(Action.OVERWRITTEN, labelAction(merged, "team"));
    }

    @Test
    void aKeyOnBothWithTheSameValueIsReportedUnchanged() {
        MergedNamespace merged = merge(NO_SKIPS, Map.of("team", "a"), Map.of("team", "a"));
        assertEquals(Map.of("team", "a"), merged.result().labels());
        assertEquals(Action.UNCHANGED, labelAction(merged, "team"));
    }

    @Test
    void aKeyOnlyOnTheDestinationStays() {
        MergedNamespace merged = merge(NO_SKIPS, Map.of(), Map.of("team", "b"));
        assertEquals(Map.of("team", "b"), merged.result().labels());
        assertEquals(Action.KEPT, labelAction(merged, "team"));
    }

    @Test
    void theNameLabelHoldingTheSourceNamespaceBecomesTheDestinationNamespaceEvenOverAnExistingValue() {
        MergedNamespace merged = merge(NO_SKIPS, Map.of("name", "ns-1"), Map.of("name", "other"));
        assertEquals(Map.of("name", "ns-2"), merged.result().labels());
        assertEquals(Action.RENAMED, labelAction(merged, "name"));
    }

    @Test
    void theNameLabelHoldingAnythingElseIsCopiedUnchanged() {
        MergedNamespace merged = merge(NO_SKIPS, Map.of("name", "billing"), Map.of());
        assertEquals(Map.of("name", "billing"), merged.result().labels());
        assertEquals(Action.ADDED, labelAction(merged, "name"));
    }

    @Test
    void theNameRuleMatchesTheWholeValueOnly() {
        MergedNamespace merged = merge(NO_SKIPS, Map.of("name", "ns-1-old"), Map.of());
        assertEquals(Map.of("name", "ns-1-old"), merged.result().labels());
    }

    @Test
    void anAnnotationCalledNameIsNotRenamed() {
        MergedNamespace merged = NO_SKIPS.merge(NamespaceMetadata.of("ns-1", Map.of(), Map.of("name", "ns-1")),
                NamespaceMetadata.empty("ns-2"), false);
        assertEquals(Map.of("name", "ns-1"), merged.result().annotations());
    }

    @Test
    void restoringIntoTheSameNamespaceNameKeepsTheNameLabelWithoutRenaming() {
        MergedNamespace merged = NO_SKIPS.merge(NamespaceMetadata.of("ns-1", Map.of("name", "ns-1"), Map.of()),
                NamespaceMetadata.empty("ns-1"), false);
        assertEquals(Map.of("name", "ns-1"), merged.result().labels());
        assertEquals(Action.ADDED, labelAction(merged, "name"));
        assertFalse(merged.existed());
    }

    @Test
    void theApiServersMetadataNameLabelFollowsTheNameRule() {
        MergedNamespace merged = merge(NO_SKIPS, Map.of("kubernetes.io/metadata.name", "ns-1"),
                Map.of("kubernetes.io/metadata.name", "ns-2"));
        assertEquals(Map.of("kubernetes.io/metadata.name", "ns-2"), merged.result().labels());
    }

    @Test
    void aSkippedAnnotationPresentOnTheDestinationIsKeptAsItIs() {
        NamespaceMetadataMerge merge = new NamespaceMetadataMerge(SkipList.parse("annotation.one/key"),
                SkipList.NONE);
        MergedNamespace merged = merge.merge(SEED_SOURCE, SEED_DESTINATION, true);
        assertEquals("true", merged.result().annotations().get("annotation.one/key"));
        assertEquals("Namespace ns-2: annotation annotation.one/key: skipped \"true\" (kept)",
                merged.decisions().get(0).toString());
    }

    @Test
    void aSkippedAnnotationAbsentOnTheDestinationIsNotAdded() {
        NamespaceMetadataMerge merge = new NamespaceMetadataMerge(SkipList.parse("annotation.two/key"),
                SkipList.NONE);
        MergedNamespace merged = merge.merge(SEED_SOURCE, SEED_DESTINATION, true);
        assertFalse(merged.result().annotations().containsKey("annotation.two/key"));
        assertTrue(merged.decisions().stream().anyMatch(d -> d.toString().equals(
                "Namespace ns-2: annotation annotation.two/key: skipped (absent, not added)")));
    }

    @Test
    void theAnnotationSkipListDoesNotApplyToLabelsOfTheSameKey() {
        NamespaceMetadataMerge merge = new NamespaceMetadataMerge(SkipList.parse("compliance"), SkipList.NONE);
        assertEquals("hipaa", merge.merge(SEED_SOURCE, SEED_DESTINATION, true).result().labels().get("compliance"));
    }

    @Test
    void aSkippedLabelIsKeptOrNotAddedAndDestinationOnlyLabelsStay() {
        NamespaceMetadataMerge merge = new NamespaceMetadataMerge(SkipList.NONE, SkipList.parse("team,env"));
        MergedNamespace merged = merge(merge, Map.of("team", "a", "env", "prod", "app", "x"),
                Map.of("team", "b", "role", "db"));
        assertEquals(Map.of("team", "b", "app", "x", "role", "db"), merged.result().labels());
        assertEquals(Action.SKIPPED, labelAction(merged, "team"));
        assertEquals(Action.SKIPPED, labelAction(merged, "env"));
    }

    @Test
    void theNameLabelIsSubjectToTheLabelSkipList() {
        NamespaceMetadataMerge merge = new NamespaceMetadataMerge(SkipList.NONE, SkipList.parse("name"));
        assertEquals(Map.of("name", "keep-me"),
                merge(merge, Map.of("name", "ns-1"), Map.of("name", "keep-me")).result().labels());
        assertEquals(Map.of(), merge(merge, Map.of("name", "ns-1"), Map.of()).result().labels());
    }

    @Test
    void skipListsAreReadFromTheControllersEnvironmentWithBlanksTrimmedAndEmptyEntriesIgnored() {
        NamespaceMetadataMerge merge = NamespaceMetadataMerge.fromEnvironment(Map.of(
                "RESTORE_SKIP_NAMESPACE_ANNOTATIONS", " annotation.one/key , ,annotation.two/key,",
                "RESTORE_SKIP_NAMESPACE_LABELS", "role"));
        MergedNamespace merged = merge.merge(SEED_SOURCE, SEED_DESTINATION, true);
        assertEquals(Map.of("annotation.one/key", "true", "annotation.three/key", "false"),
                merged.result().annotations());
        assertEquals("database", merged.result().labels().get("role"));
    }

    @Test
    void anEnvironmentWithoutSkipListsSkipsNothing() {
        MergedNamespace merged = NamespaceMetadataMerge.fromEnvironment(Map.of())
                .merge(SEED_SOURCE, SEED_DESTINATION, true);
        assertEquals(NO_SKIPS.merge(SEED_SOURCE, SEED_DESTINATION, true), merged);
    }

    @Test
    void aSkipListParsesToTrimmedSortedKeys() {
        assertEquals(List.of("a/b", "c"), List.copyOf(SkipList.parse(" c,, a/b ,").keys()));
        assertEquals(List.of(), List.copyOf(SkipList.parse(" , ").keys()));
        assertEquals(List.of(), List.copyOf(SkipList.parse(null).keys()));
    }

    @Test
    void aNewDestinationNamespaceGetsTheSourcesMetadataAsANamespaceResource() {
        MergedNamespace merged = NO_SKIPS.merge(SEED_SOURCE, NamespaceMetadata.empty("ns-2"), false);
        assertEquals("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"ns-2\","
                + "\"labels\":{\"compliance\":\"hipaa\",\"environment\":\"production\",\"name\":\"ns-2\"},"
                + "\"annotations\":{\"annotation.one/key\":\"updatedvalue\",\"annotation.two/key\":\"true\"}}}",
                merged.toResource().toString());
    }
}
