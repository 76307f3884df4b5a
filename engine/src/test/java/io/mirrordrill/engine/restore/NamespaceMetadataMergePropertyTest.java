package io.mirrordrill.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mirrordrill.engine.restore.MetadataDecision.Field;
import io.mirrordrill.testkit.property.Gen;
import io.mirrordrill.testkit.property.KubeGen;
import io.mirrordrill.testkit.property.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The namespace label/annotation merge (docs/restore.md, reference/trident-protect.md) on generated namespaces. Keys
 * and values come mostly from small pools, so source, destination and skip lists overlap, and the namespace names
 * are among the values, so the name rule is exercised; some keys are any valid label key.
 */
class NamespaceMetadataMergePropertyTest {
    private static final Set<String> NAME_LABELS = Set.of("name", "kubernetes.io/metadata.name");
    private static final Gen<String> NAMESPACES = Gen.elements("ns-1", "ns-2", "x");
    private static final Gen<String> KEYS = Gen.frequency(
            Gen.Weighted.of(4, Gen.elements("name", "a", "b/c", "kubernetes.io/metadata.name")),
            Gen.Weighted.of(1, KubeGen.labelKeys()));
    private static final Gen<String> VALUES = Gen.frequency(
            Gen.Weighted.of(4, Gen.elements("ns-1", "ns-2", "x", "")), Gen.Weighted.of(1, KubeGen.labelValues()));
    private static final Gen<Map<String, String>> METADATA = Gen.maps(KEYS, VALUES, 6);
    private static final Gen<SkipList> SKIPS = Gen.lists(KEYS, 0, 3).map(keys -> SkipList.parse(String.join(",", keys)));

    record Case(NamespaceMetadata source, NamespaceMetadata destination, SkipList skipAnnotations,
            SkipList skipLabels) {
        MergedNamespace merged() {
            return new NamespaceMetadataMerge(skipAnnotations, skipLabels).merge(source, destination, true);
        }
    }

    private static final Gen<NamespaceMetadata> NAMESPACE = Gen.zip(NAMESPACES, METADATA, METADATA,
            NamespaceMetadata::of);
    private static final Gen<Case> CASES = Gen.zip(NAMESPACE, NAMESPACE, Gen.zip(SKIPS, SKIPS, List::of),
            (source, destination, skips) -> new Case(source, destination, skips.get(0), skips.get(1)));

    private static Set<String> union(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    @Test
    void everyAnnotationTakesTheSourceValueUnlessSkippedOrOnlyOnTheDestination() {
        Property.forAll(CASES).check(c -> {
            Map<String, String> from = c.source().annotations();
            Map<String, String> to = c.destination().annotations();
            Map<String, String> result = c.merged().result().annotations();
            for (String key : union(from, to)) {
                String expected = c.skipAnnotations().contains(key) || !from.containsKey(key) ? to.get(key)
                        : from.get(key);
                assertEquals(expected, result.get(key), key);
            }
            assertEquals(union(from, to).stream().filter(k -> to.containsKey(k) || !c.skipAnnotations().contains(k))
                    .toList(), List.copyOf(result.keySet()));
        });
    }

    @Test
    void everyLabelTakesTheSourceValueUnlessSkippedOrOnlyOnTheDestinationAndNameLabelsAreRenamed() {
        Property.forAll(CASES).check(c -> {
            Map<String, String> from = c.source().labels();
            Map<String, String> to = c.destination().labels();
            Map<String, String> result = c.merged().result().labels();
            for (String key : union(from, to)) {
                boolean fromSource = !c.skipLabels().contains(key) && from.containsKey(key);
                String expected = !fromSource ? to.get(key)
                        : NAME_LABELS.contains(key) && from.get(key).equals(c.source().name())
                                ? c.destination().name() : from.get(key);
                assertEquals(expected, result.get(key), key);
            }
            assertEquals(union(from, to).stream().filter(k -> to.containsKey(k) || !c.skipLabels().contains(k))
                    .toList(), List.copyOf(result.keySet()));
        });
    }

    @Test
    void aSkippedKeyComesOutExactlyAsTheDestinationHadItPresentOrAbsent() {
        Property.forAll(CASES).check(c -> {
            NamespaceMetadata result = c.merged().result();
            for (String key : c.skipAnnotations().keys()) {
                assertEquals(c.destination().annotations().get(key), result.annotations().get(key), key);
            }
            for (String key : c.skipLabels().keys()) {
                assertEquals(c.destination().labels().get(key), result.labels().get(key), key);
            }
        });
    }

    @Test
    void mergingTheSameSourceIntoTheResultChangesNothing() {
        Property.forAll(CASES).check(c -> {
            NamespaceMetadata once = c.merged().result();
            NamespaceMetadata twice = new NamespaceMetadataMerge(c.skipAnnotations(), c.skipLabels())
                    .merge(c.source(), once, true).result();
            assertEquals(once, twice);
        });
    }

    @Test
    void theMergeReportsOneDecisionPerKeyAnnotationsFirstEachSortedByKey() {
        Property.forAll(CASES).check(c -> {
            List<String> expected = new ArrayList<>();
            union(c.source().annotations(), c.destination().annotations()).forEach(k -> expected.add("A " + k));
            union(c.source().labels(), c.destination().labels()).forEach(k -> expected.add("L " + k));
            assertEquals(expected, c.merged().decisions().stream()
                    .map(d -> (d.field() == Field.ANNOTATION ? "A " : "L ") + d.key()).toList());
        });
    }
}
