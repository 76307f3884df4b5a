package io.mirrordrill.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.SourceDestination;
import io.mirrordrill.engine.restore.StorageClassMapping.Choice;
import io.mirrordrill.engine.restore.StorageClassMapping.Rule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageClassMappingTest {
    private static final String OWNER = "AppMirrorRelationship ns-2/amr";
    private static final List<SourceDestination> GOLD_TO_FAST = List.of(entry("gold", "fast"));

    private static SourceDestination entry(String source, String destination) {
        return new io.mirrordrill.engine.model.StorageClassMapping(source, destination);
    }

    private static ObjectNode claim(String storageClass) {
        return Yaml.object("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data, namespace: ns-2},"
                + " spec: {accessModes: [ReadWriteOnce]" + (storageClass == null ? "" : ", storageClassName: "
                        + storageClass) + "}}");
    }

    @Test
    void aClaimWhoseClassHasAMappingEntryGetsTheEntrysDestination() {
        StorageClassMapping classes = StorageClassMapping.of(OWNER, GOLD_TO_FAST, "sc-vsim-2", "standard");
        assertEquals(new Choice("fast", Rule.STORAGE_CLASS_MAPPING), classes.choose("c", "gold"));
    }

    @Test
    void withAMappingAnUnmatchedClaimGetsTheClusterDefaultAndStorageClassNameIsIgnored() {
        StorageClassMapping classes = StorageClassMapping.of(OWNER, GOLD_TO_FAST, "sc-vsim-2", "standard");
        assertEquals(new Choice("standard", Rule.UNMAPPED_CLUSTER_DEFAULT), classes.choose("c", "silver"));
        assertEquals(new Choice("standard", Rule.UNMAPPED_CLUSTER_DEFAULT), classes.choose("c", null));
        assertEquals(new Choice("standard", Rule.UNMAPPED_CLUSTER_DEFAULT), classes.choose("c", ""));
    }

    @Test
    void withoutAMappingAClaimGetsStorageClassName() {
        StorageClassMapping classes = StorageClassMapping.of(OWNER, null, "sc-vsim-2", "standard");
        assertEquals(new Choice("sc-vsim-2", Rule.STORAGE_CLASS_NAME), classes.choose("c", "silver"));
        assertEquals(new Choice("sc-vsim-2", Rule.STORAGE_CLASS_NAME), classes.choose("c", null));
    }

    @Test
    void anEmptyMappingCountsAsNoMappingSoStorageClassNameStillApplies() {
        StorageClassMapping classes = StorageClassMapping.of(OWNER, List.of(), "sc-vsim-2", "standard");
        assertEquals(new Choice("sc-vsim-2", Rule.STORAGE_CLASS_NAME), classes.choose("c", "gold"));
    }

    @Test
    void withoutAMappingOrStorageClassNameAClaimGetsTheClusterDefault() {
        StorageClassMapping classes = StorageClassMapping.of(OWNER, null, null, "standard");
        assertEquals(new Choice("standard", Rule.CLUSTER_DEFAULT), classes.choose("c", "silver"));
    }

    @Test
    void withAMappingAndNoDefaultAnUnmatchedClaimIsAProblemNamingTheMappingNotStorageClassName() {
        StorageClassMapping classes = StorageClassMapping.of(OWNER, GOLD_TO_FAST, "sc-vsim-2", null);
        RestoreException e = assertThrows(RestoreException.class,
                () -> classes.apply(claim("silver"), new ArrayList<>()));
        assertEquals("PersistentVolumeClaim ns-2/data: spec.storageClassMapping: captured with storage class"
                + " \"silver\", which no storageClassMapping entry of AppMirrorRelationship ns-2/amr maps;"
                + " storageClassMapping overrides storageClassName, so an unmapped claim needs the default and the"
                + " destination cluster has no default storage class. Fix: add {source: silver, destination:"
                + " <storage class on this cluster>} to spec.storageClassMapping, or mark a storage class of the"
                + " destination cluster as default", e.getMessage());
    }

    @Test
    void withAMappingAndNoDefaultAClaimCapturedWithoutAClassAsksForADefault() {
        StorageClassMapping classes = StorageClassMapping.of(OWNER, GOLD_TO_FAST, null, null);
        RestoreException e = assertThrows(RestoreException.class, () -> classes.apply(claim(null), new ArrayList<>()));
        assertEquals("mark a storage class of the destination cluster as default", e.problems().get(0).fix());
    }

    @Test
    void noRuleGivingAClassIsAnErrorNamingTheClaimTheFieldAndTheEntryToAdd() {
        StorageClassMapping classes = StorageClassMapping.of(OWNER, null, null, null);
        RestoreException e = assertThrows(RestoreException.class,
                () -> classes.apply(claim("silver"), new ArrayList<>()));
        assertEquals("PersistentVolumeClaim ns-2/data: spec.storageClassName: captured with storage class"
                + " \"silver\", which no storageClassMapping entry of AppMirrorRelationship ns-2/amr maps, no"
                + " storageClassName is set and the destination cluster has no default storage class. Fix: add"
                + " {source: silver, destination: <storage class on this cluster>} to spec.storageClassMapping, or"
                + " set spec.storageClassName", e.getMessage());
    }

    @Test
    void aClaimCapturedWithoutAClassAndNoRuleAsksForStorageClassNameOrADefault() {
        StorageClassMapping classes = StorageClassMapping.of(OWNER, List.of(), null, null);
        RestoreException e = assertThrows(RestoreException.class, () -> classes.apply(claim(null), new ArrayList<>()));
        assertEquals("set spec.storageClassName, or mark a storage class of the destination cluster as default",
                e.problems().get(0).fix());
    }

    @Test
    void applyRewritesTheClaimReportsTheRuleAndLeavesTheOriginalAlone() {
        StorageClassMapping classes = StorageClassMapping.of(OWNER, GOLD_TO_FAST, "sc-vsim-2", "standard");
        ObjectNode original = claim("gold");
        List<String> decisions = new ArrayList<>();
        ObjectNode restored = classes.apply(original, decisions);
        assertEquals("fast", restored.at("/spec/storageClassName").asText());
        assertEquals("gold", original.at("/spec/storageClassName").asText());
        assertEquals(List.of("spec.storageClassName gold -> fast (storageClassMapping)"), decisions);

        decisions.clear();
        classes.apply(claim("silver"), decisions);
        assertEquals(List.of("spec.storageClassName silver -> standard (cluster default: no storageClassMapping"
                + " entry, storageClassName ignored)"), decisions);

        decisions.clear();
        StorageClassMapping.of(OWNER, null, "sc-vsim-2", "standard").apply(claim(null), decisions);
        assertEquals(List.of("spec.storageClassName (none) -> sc-vsim-2 (storageClassName)"), decisions);
    }

    @Test
    void theDeprecatedBetaAnnotationIsReadAndRewrittenBecauseItWinsOverTheSpecField() {
        StorageClassMapping classes = StorageClassMapping.of(OWNER, GOLD_TO_FAST, "other", "standard");
        ObjectNode claim = claim(null);
        ((ObjectNode) claim.get("metadata")).putObject("annotations")
                .put("volume.beta.kubernetes.io/storage-class", "gold");
        ObjectNode restored = classes.apply(claim, new ArrayList<>());
        assertEquals("fast", restored.at("/metadata/annotations").get("volume.beta.kubernetes.io/storage-class")
                .asText());
        assertEquals("fast", restored.at("/spec/storageClassName").asText());
    }

    @Test
    void aPersistentVolumeGetsTheSameClassAsAClaimOfTheSameCapturedClass() {
        StorageClassMapping classes = StorageClassMapping.of(OWNER, GOLD_TO_FAST, "sc-vsim-2", null);
        ObjectNode pv = classes.apply(Yaml.object("{apiVersion: v1, kind: PersistentVolume, metadata: {name: pv-1},"
                + " spec: {storageClassName: gold}}"), new ArrayList<>());
        assertEquals("fast", pv.at("/spec/storageClassName").asText());
    }

    @Test
    void otherKindsAreReturnedAsTheyAre() {
        StorageClassMapping classes = StorageClassMapping.of(OWNER, GOLD_TO_FAST, null, null);
        ObjectNode configMap = Yaml.object("{apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: n}}");
        List<String> decisions = new ArrayList<>();
        assertSame(configMap, classes.apply(configMap, decisions));
        assertEquals(List.of(), decisions);
    }

    @Test
    void invalidAndDuplicateEntriesAreAllReportedAtOnce() {
        RestoreException e = assertThrows(RestoreException.class, () -> StorageClassMapping.of(OWNER,
                List.of(entry("gold", "fast"), entry("gold", "slow"), entry("Bad_Name", "x"), entry("a", null)),
                "Also Bad", null));
        assertEquals(List.of(
                OWNER + ": spec.storageClassMapping[1].source: source storage class \"gold\" is also in"
                        + " spec.storageClassMapping[0]. Fix: map each source storage class once",
                OWNER + ": spec.storageClassMapping[2].source: \"Bad_Name\" is not a valid storage class name. Fix: "
                        + Names.SUBDOMAIN_FIX,
                OWNER + ": spec.storageClassMapping[3].destination: is missing. Fix: set the storage class name",
                OWNER + ": spec.storageClassName: \"Also Bad\" is not a valid storage class name. Fix: "
                        + Names.SUBDOMAIN_FIX),
                e.problems().stream().map(RestoreProblem::toString).toList());
    }

    @Test
    void twoSourceClassesMayShareADestinationClass() {
        StorageClassMapping classes = StorageClassMapping.of(OWNER, List.of(entry("gold", "std"),
                entry("silver", "std")), null, null);
        assertEquals("std", classes.choose("c", "silver").storageClass());
    }
}
