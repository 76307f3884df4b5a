package io.mirrordrill.testkit.property;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * A property checked from a JUnit test: {@code Property.forAll(gen).check(value -> assertEquals(...))}.
 *
 * <p>Each of the tries (default 200) generates a value from its own seed, derived from the base seed, and runs the
 * check; the check fails by throwing (a JUnit assertion, any exception) or, with {@link #holds}, by returning false.
 * The first failure is shrunk to a minimal case and reported with the base seed, the try's seed, the original and the
 * shrunk case, and how to replay it. The base seed is fixed ({@link #DEFAULT_SEED}) so a build always checks the
 * same cases; {@code -Dproperty.seed=N} or {@link #seed} explores others, {@code -Dproperty.tries=N} overrides the
 * count, and {@code -Dproperty.replay=S} (or {@link #replay}) runs the one try whose seed is S.
 */
public final class Property<T> {
    public static final long DEFAULT_SEED = 0x6D69727264726C6CL;
    public static final int DEFAULT_TRIES = 200;
    private static final int SHRINK_BUDGET = 2_000;

    private final Gen<T> gen;
    private long seed = DEFAULT_SEED;
    private int tries = DEFAULT_TRIES;
    private Long replay;

    private Property(Gen<T> gen) {
        this.gen = gen;
    }

    public static <T> Property<T> forAll(Gen<T> gen) {
        return new Property<>(gen);
    }

    public Property<T> tries(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("tries must be at least 1: " + count);
        }
        this.tries = count;
        return this;
    }

    public Property<T> seed(long baseSeed) {
        this.seed = baseSeed;
        return this;
    }

    /** Runs only the try whose seed a failure reported. */
    public Property<T> replay(long trySeed) {
        this.replay = trySeed;
        return this;
    }

    /** The check, which throws to fail. */
    @FunctionalInterface
    public interface Check<T> {
        void accept(T value) throws Throwable;
    }

    public void holds(Predicate<? super T> predicate) {
        check(value -> {
            if (!predicate.test(value)) {
                throw new AssertionError("the property returned false");
            }
        });
    }

    public void check(Check<? super T> check) {
        long base = Long.getLong("property.seed", seed);
        Long only = Optional.ofNullable(Long.getLong("property.replay")).orElse(replay);
        int count = Integer.getInteger("property.tries", tries);
        int runs = only != null ? 1 : count;
        int discarded = 0;
        for (int i = 0, passed = 0; passed < runs; i++) {
            long trySeed = only != null ? only : trySeed(base, i);
            Choices choices = Choices.fromSeed(trySeed);
            Outcome<T> outcome = run(choices, check);
            if (outcome == null) {
                if (only != null || ++discarded > 5 * runs) {
                    throw new AssertionError("Property gave up: " + (discarded + (only != null ? 1 : 0))
                            + " tries discarded by filters (base seed " + base + "); loosen the generator's filter");
                }
                continue;
            }
            if (outcome.error != null) {
                throw failure(base, i, trySeed, choices.recorded(), outcome, check);
            }
            passed++;
        }
    }

    /** The seed of try {@code index} from a base seed (SplitMix64's finaliser over the golden-ratio sequence). */
    static long trySeed(long base, int index) {
        long z = base + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private record Outcome<T>(T value, Throwable error) {
    }

    /** The value and the check's error (null when it held); null when a filter discarded the try. */
    private Outcome<T> run(Choices choices, Check<? super T> check) {
        T value;
        try {
            value = gen.generate(choices);
        } catch (Gen.Discard discard) {
            return null;
        }
        try {
            check.accept(value);
            return new Outcome<>(value, null);
        } catch (Gen.Discard discard) {
            return null;
        } catch (Throwable error) {
            return new Outcome<>(value, error);
        }
    }

    private AssertionError failure(long base, int index, long trySeed, long[] recorded, Outcome<T> original,
            Check<? super T> check) {
        Class<?> kind = original.error.getClass();
        Shrinker shrinker = new Shrinker(candidate -> {
            Choices replaying = Choices.replaying(candidate);
            Outcome<T> outcome = run(replaying, check);
            return outcome != null && outcome.error != null && outcome.error.getClass() == kind
                    ? replaying.recorded() : null;
        }, SHRINK_BUDGET);
        long[] minimal = shrinker.shrink(recorded);
        Outcome<T> shrunk = run(Choices.replaying(minimal), check);
        String test = callingTest();
        AssertionError error = new AssertionError("Property failed on try " + (index + 1) + " (base seed " + base
                + ", try seed " + trySeed + ")\n"
                + "  original: " + original.value + "\n"
                + "  shrunk (" + shrinker.steps() + " steps): " + shrunk.value + "\n"
                + "  failure: " + shrunk.error + "\n"
                + "  replay:  mvn -o -q -pl <module> -am test -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dtest='" + test + "' -Dproperty.replay=" + trySeed
                + "  (or -Dproperty.seed=" + base + " for every try; or .replay(" + trySeed + "L) in code)",
                shrunk.error);
        return error;
    }

    /** The test method: the outermost frame that is not the test framework's, the JDK's or this class's. */
    private static String callingTest() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(Property.class.getName())
                        && !f.getClassName().startsWith(Property.class.getName() + "$")
                        && !f.getClassName().matches("(org\\.junit|org\\.apache\\.maven|jdk|java|sun)\\..*"))
                .reduce((inner, outer) -> outer)
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1).replaceAll("\\$.*", "")
                        + "#" + f.getMethodName())
                .orElse("<TestClass>#<method>"));
    }
}
