package io.mirrordrill.testkit.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PropertyTest {
    private static final Gen<List<Integer>> LISTS = Gen.ints(0, 1000).list(0, 20);

    private static AssertionError failureOf(Property<?> property, Property.Check<Object> check) {
        @SuppressWarnings("unchecked")
        Property<Object> p = (Property<Object>) property;
        return assertThrows(AssertionError.class, () -> p.check(check));
    }

    private static String shrunk(AssertionError error) {
        Matcher m = Pattern.compile("shrunk \\(\\d+ steps\\): (.*)").matcher(error.getMessage());
        assertTrue(m.find(), error.getMessage());
        return m.group(1);
    }

    private static int sum(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void aPassingPropertyRunsEveryTryAndPasses() {
        List<Integer> seen = new ArrayList<>();
        Property.forAll(Gen.ints(-5, 5)).check(seen::add);
        assertEquals(Property.DEFAULT_TRIES, seen.size());
        assertTrue(seen.stream().allMatch(i -> i >= -5 && i <= 5));
        assertTrue(seen.contains(-5) && seen.contains(5) && seen.contains(0), "covers the range: " + seen);
    }

    @Test
    void listsWhoseSumReaches100ShrinkToTheSingleElementList100() {
        for (long seed = 1; seed <= 20; seed++) {
            AssertionError error = failureOf(Property.forAll(LISTS).seed(seed),
                    v -> assertTrue(sum(cast(v)) < 100));
            assertEquals("[100]", shrunk(error), error.getMessage());
        }
    }

    @Test
    void intsShrinkTowardsZeroOrTheBoundNearestIt() {
        assertEquals("10", shrunk(failureOf(Property.forAll(Gen.ints(-50, 50)), v -> assertTrue((int) v < 10))));
        assertEquals("-7", shrunk(failureOf(Property.forAll(Gen.ints(-50, 50)), v -> assertTrue((int) v > -7))));
        assertEquals("20", shrunk(failureOf(Property.forAll(Gen.ints(20, 90)), v -> assertTrue((int) v > 100))));
        assertEquals("-20", shrunk(failureOf(Property.forAll(Gen.ints(-90, -20)), v -> assertTrue((int) v > 0))));
    }

    @Test
    void stringsShrinkByRemovingAndSimplifyingCharacters() {
        AssertionError error = failureOf(Property.forAll(Gen.strings("abcxyz", 0, 30)),
                v -> assertTrue(!((String) v).contains("x")));
        assertEquals("x", shrunk(error));
    }

    @Test
    void mapsShrinkByRemovingEntries() {
        Gen<Map<String, Integer>> maps = Gen.maps(Gen.strings("abc", 1, 3), Gen.ints(0, 9), 10);
        AssertionError error = failureOf(Property.forAll(maps), v -> assertTrue(((Map<?, ?>) v).size() < 3));
        assertEquals("{a=0, b=0, c=0}", shrunk(error));
    }

    @Test
    void composedRecordsShrinkEachComponent() {
        record Pod(String name, int replicas) {
        }
        Gen<Pod> pods = Gen.zip(KubeGen.names(), Gen.ints(0, 100), Pod::new);
        AssertionError error = failureOf(Property.forAll(pods), v -> assertTrue(((Pod) v).replicas() < 42));
        assertEquals("Pod[name=a, replicas=42]", shrunk(error));
    }

    @Test
    void oneOfAndFrequencyShrinkTowardsTheFirstAlternative() {
        Gen<String> g = Gen.frequency(Gen.Weighted.of(1, Gen.constant("first")),
                Gen.Weighted.of(9, Gen.oneOf(Gen.constant("second"), Gen.constant("third"))));
        assertEquals("first", shrunk(failureOf(Property.forAll(g), v -> assertTrue(v.equals("never")))));
    }

    @Test
    void theFailureNamesBothSeedsTheOriginalAndTheShrunkCaseAndHowToReplay() {
        AssertionError error = failureOf(Property.forAll(LISTS).seed(7), v -> assertTrue(sum(cast(v)) < 100));
        String message = error.getMessage();
        assertTrue(message.contains("base seed 7, try seed "), message);
        assertTrue(message.contains("original: ["), message);
        assertTrue(message.contains("-Dtest='PropertyTest#theFailureNamesBothSeedsTheOriginalAndTheShrunkCase"
                + "AndHowToReplay' -Dproperty.replay="), message);
        assertTrue(message.contains("-Dproperty.seed=7"), message);
        assertTrue(error.getCause() instanceof AssertionError, "the shrunk case's own failure is the cause");
    }

    @Test
    void replayingTheTrySeedReproducesTheSameOriginalAndShrunkCase() {
        AssertionError first = failureOf(Property.forAll(LISTS).seed(11), v -> assertTrue(sum(cast(v)) < 100));
        Matcher m = Pattern.compile("try seed (-?\\d+)").matcher(first.getMessage());
        assertTrue(m.find());
        AssertionError replayed = failureOf(Property.forAll(LISTS).replay(Long.parseLong(m.group(1))),
                v -> assertTrue(sum(cast(v)) < 100));
        assertEquals(original(first), original(replayed));
        assertEquals(shrunk(first), shrunk(replayed));
        assertTrue(replayed.getMessage().contains("try 1 "), "a replay runs only that try");
    }

    @Test
    void theSameBaseSeedGeneratesTheSameCasesAndAnotherSeedOthers() {
        List<List<Integer>> a = new ArrayList<>();
        List<List<Integer>> b = new ArrayList<>();
        List<List<Integer>> c = new ArrayList<>();
        Property.forAll(LISTS).seed(3).tries(50).check(a::add);
        Property.forAll(LISTS).seed(3).tries(50).check(b::add);
        Property.forAll(LISTS).seed(4).tries(50).check(c::add);
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void shrinkingKeepsToTheOriginalKindOfFailure() {
        // Lists with an element over 500 throw IllegalStateException; shorter ones fail an assertion. The shrunk case
        // must still throw IllegalStateException, not slip to the simpler assertion failure.
        AssertionError error = failureOf(Property.forAll(LISTS.filter(l -> l.stream().anyMatch(i -> i > 500))),
                v -> {
                    if (cast(v).stream().anyMatch(i -> i > 500)) {
                        throw new IllegalStateException("big");
                    }
                });
        assertEquals("[501]", shrunk(error));
        assertTrue(error.getCause() instanceof IllegalStateException);
    }

    @Test
    void aFilterThatRejectsEverythingGivesUpNamingTheFilter() {
        AssertionError error = failureOf(Property.forAll(Gen.ints(0, 10).filter(i -> i > 10)), v -> { });
        assertTrue(error.getMessage().contains("discarded by filters"), error.getMessage());
    }

    @Test
    void holdsFailsWhenThePredicateReturnsFalse() {
        assertThrows(AssertionError.class, () -> Property.forAll(Gen.ints(0, 10)).holds(i -> i < 10));
        Property.forAll(Gen.ints(0, 10)).holds(i -> i <= 10);
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> cast(Object value) {
        return (List<Integer>) value;
    }

    private static String original(AssertionError error) {
        Matcher m = Pattern.compile("original: (.*)").matcher(error.getMessage());
        assertTrue(m.find());
        return m.group(1);
    }
}
