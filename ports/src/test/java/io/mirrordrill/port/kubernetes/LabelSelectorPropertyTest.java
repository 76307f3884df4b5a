package io.mirrordrill.port.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.testkit.property.Gen;
import io.mirrordrill.testkit.property.KubeGen;
import io.mirrordrill.testkit.property.Property;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Label selectors (what the emulated API server and the engine's application scope evaluate) on generated selectors
 * and labels. Keys and values come mostly from small pools so that selectors and labels meet.
 */
class LabelSelectorPropertyTest {
    private static final Gen<String> KEYS = Gen.frequency(Gen.Weighted.of(4, Gen.elements("app", "tier", "a.b/c")),
            Gen.Weighted.of(1, KubeGen.labelKeys()));
    private static final Gen<String> VALUES = Gen.frequency(Gen.Weighted.of(4, Gen.elements("web", "db", "")),
            Gen.Weighted.of(1, KubeGen.labelValues()));
    private static final Gen<Map<String, String>> LABELS = Gen.maps(KEYS, VALUES, 4);
    /** Values of a set requirement (a set holding only "" prints as "k in ()", which reads back as {""}). */
    private static final Gen<List<String>> SET = Gen.lists(VALUES, 1, 3);

    /** One requirement in the query syntax. */
    private static final Gen<String> REQUIREMENTS = Gen.oneOf(
            Gen.zip(KEYS, VALUES, (k, v) -> k + "=" + v),
            Gen.zip(KEYS, VALUES, (k, v) -> k + "==" + v),
            Gen.zip(KEYS, VALUES, (k, v) -> k + "!=" + v),
            Gen.zip(KEYS, SET, (k, v) -> k + " in (" + String.join(",", v) + ")"),
            Gen.zip(KEYS, SET, (k, v) -> k + " notin (" + String.join(",", v) + ")"),
            KEYS,
            KEYS.map(k -> "!" + k));
    private static final Gen<List<String>> SELECTORS = REQUIREMENTS.list(1, 4);

    record Case(List<String> requirements, Map<String, String> labels) {
    }

    private static final Gen<Case> CASES = Gen.zip(SELECTORS, LABELS, Case::new);

    @Test
    void aSelectorParsesBackFromItsCanonicalText() {
        Property.forAll(SELECTORS).check(r -> {
            LabelSelector selector = LabelSelector.parse(String.join(",", r));
            assertEquals(selector, LabelSelector.parse(selector.toString()), selector.toString());
        });
    }

    @Test
    void aSelectorMatchesExactlyWhenEveryRequirementMatches() {
        Property.forAll(CASES).check(c -> assertEquals(
                c.requirements().stream().allMatch(r -> LabelSelector.parse(r).matches(c.labels())),
                LabelSelector.parse(String.join(",", c.requirements())).matches(c.labels())));
    }

    @Test
    void notinNotEqualsAndNotExistsAreTheNegationsOfInEqualsAndExists() {
        Property.forAll(Gen.zip(Gen.zip(KEYS, SET, Map::entry), LABELS, Map::entry)).check(c -> {
            String key = c.getKey().getKey();
            String set = "(" + String.join(",", c.getKey().getValue()) + ")";
            String one = c.getKey().getValue().get(0);
            Map<String, String> labels = c.getValue();
            assertEquals(!LabelSelector.parse(key + " in " + set).matches(labels),
                    LabelSelector.parse(key + " notin " + set).matches(labels));
            assertEquals(!LabelSelector.parse(key + "=" + one).matches(labels),
                    LabelSelector.parse(key + "!=" + one).matches(labels));
            assertEquals(!LabelSelector.parse(key).matches(labels), LabelSelector.parse("!" + key).matches(labels));
        });
    }

    @Test
    void equalityOnLabelsMatchesExactlyTheLabelSetsThatContainThem() {
        Property.forAll(Gen.zip(LABELS, LABELS, Map::entry)).check(c -> {
            Map<String, String> wanted = c.getKey();
            Map<String, String> labels = c.getValue();
            assertTrue(LabelSelector.matching(wanted).matches(wanted));
            Map<String, String> union = new TreeMap<>(labels);
            union.putAll(wanted);
            assertTrue(LabelSelector.matching(wanted).matches(union));
            assertEquals(labels.entrySet().containsAll(wanted.entrySet()),
                    LabelSelector.matching(wanted).matches(labels));
        });
    }

    @Test
    void theEmptySelectorMatchesEveryLabelSet() {
        Property.forAll(LABELS).check(labels -> {
            assertTrue(LabelSelector.parse("").matches(labels));
            assertTrue(LabelSelector.everything().matches(labels));
        });
    }
}
