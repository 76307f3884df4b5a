package io.mirrordrill.testkit.property;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The sequence of choices a generator makes: drawn from a seed while generating, read back from a recorded
 * (and possibly shrunk) sequence while shrinking. Every generated value is a function of its choices, so shrinking
 * the choices shrinks any value, however it was composed (integrated shrinking, as in Hypothesis).
 */
public final class Choices {
    private final SplittableRandom random;
    private final long[] replay;
    private long[] drawn = new long[32];
    private int size;

    private Choices(SplittableRandom random, long[] replay) {
        this.random = random;
        this.replay = replay;
    }

    /** Fresh choices from a seed. */
    public static Choices fromSeed(long seed) {
        return new Choices(new SplittableRandom(seed), null);
    }

    /** The recorded choices; past their end every choice is 0, the simplest. */
    public static Choices replaying(long[] recorded) {
        return new Choices(null, recorded);
    }

    /** A choice in [0, max]; 0 is the simplest, and generators map it to their simplest value. */
    public long draw(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("max < 0: " + max);
        }
        long value;
        if (random != null) {
            value = max == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextLong(max + 1);
        } else {
            value = size < replay.length ? Math.min(replay[size], max) : 0;
        }
        if (size == drawn.length) {
            drawn = Arrays.copyOf(drawn, size * 2);
        }
        drawn[size++] = value;
        return value;
    }

    /** The choices made so far. */
    public long[] recorded() {
        return Arrays.copyOf(drawn, size);
    }
}
