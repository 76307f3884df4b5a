package io.mirrordrill.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.engine.model.SourceDestination;
import io.mirrordrill.engine.restore.StorageClassMapping.Choice;
import io.mirrordrill.engine.restore.StorageClassMapping.Rule;
import io.mirrordrill.testkit.property.Gen;
import io.mirrordrill.testkit.property.Property;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The storage class of a restored claim (docs/restore.md, the 26.06 rule) on generated mappings: a mapping with an
 * entry decides alone (entry, else the cluster default, never storageClassName); without one, storageClassName, then
 * the default; no class at all is an error naming the field to fix.
 */
class StorageClassMappingPropertyTest {
    private static final Gen<String> CLASSES = Gen.elements("gold", "silver", "fast", "standard", "sc-vsim-2");
    private static final Gen<String> MAYBE_CLASS = Gen.frequency(Gen.Weighted.of(1, Gen.constant((String) null)),
            Gen.Weighted.of(3, CLASSES));

    record Case(Map<String, String> mapping, String storageClassName, String clusterDefault, String captured) {
        StorageClassMapping classes() {
            List<SourceDestination> entries = mapping.entrySet().stream().map(e -> (SourceDestination)
                    new io.mirrordrill.engine.model.StorageClassMapping(e.getKey(), e.getValue())).toList();
            return StorageClassMapping.of("AppMirrorRelationship ns-2/amr", entries, storageClassName,
                    clusterDefault);
        }
    }

    private static final Gen<Case> CASES = Gen.zip(Gen.maps(CLASSES, CLASSES, 3),
            Gen.zip(MAYBE_CLASS, MAYBE_CLASS, (a, b) -> Arrays.asList(a, b)),
            Gen.oneOf(MAYBE_CLASS, Gen.constant("")),
            (mapping, names, captured) -> new Case(mapping, names.get(0), names.get(1), captured));

    /** The rule as docs/restore.md states it; null when no class can be chosen. */
    private static Choice expected(Case c) {
        boolean hasClass = c.captured() != null && !c.captured().isEmpty();
        if (!c.mapping().isEmpty()) {
            if (hasClass && c.mapping().containsKey(c.captured())) {
                return new Choice(c.mapping().get(c.captured()), Rule.STORAGE_CLASS_MAPPING);
            }
            return c.clusterDefault() == null ? null : new Choice(c.clusterDefault(), Rule.UNMAPPED_CLUSTER_DEFAULT);
        }
        if (c.storageClassName() != null) {
            return new Choice(c.storageClassName(), Rule.STORAGE_CLASS_NAME);
        }
        return c.clusterDefault() == null ? null : new Choice(c.clusterDefault(), Rule.CLUSTER_DEFAULT);
    }

    @Test
    void everyClaimGetsTheClassTheRuleGivesAndNoClassFailsNamingTheFieldToFix() {
        Property.forAll(CASES).check(c -> {
            Choice expected = expected(c);
            if (expected != null) {
                assertEquals(expected, c.classes().choose("claim ns-2/data", c.captured()));
            } else {
                RestoreException e = assertThrows(RestoreException.class,
                        () -> c.classes().choose("claim ns-2/data", c.captured()));
                String field = c.mapping().isEmpty() ? "spec.storageClassName" : "spec.storageClassMapping";
                assertTrue(e.getMessage().contains(field) && e.getMessage().contains("claim ns-2/data"),
                        e.getMessage());
            }
        });
    }

    @Test
    void withAMappingStorageClassNameNeverDecides() {
        Property.forAll(CASES.filter(c -> !c.mapping().isEmpty() && c.clusterDefault() != null)).check(c -> {
            Choice choice = c.classes().choose("claim", c.captured());
            Choice without = new Case(c.mapping(), null, c.clusterDefault(), c.captured()).classes()
                    .choose("claim", c.captured());
            assertEquals(without, choice);
            assertTrue(choice.rule() != Rule.STORAGE_CLASS_NAME && choice.rule() != Rule.CLUSTER_DEFAULT);
        });
    }
}
