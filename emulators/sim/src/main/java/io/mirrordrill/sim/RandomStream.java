package io.mirrordrill.sim;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** A named, seeded source of randomness: the only randomness simulated code may use. */
public final class RandomStream {
    private final String name;
    private final SplittableRandom random;

    RandomStream(String name, long seed) {
        this.name = name;
        this.random = new SplittableRandom(seed);
    }

    public String name() {
        return name;
    }

    public long nextLong() {
        return random.nextLong();
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in [origin, bound). */
    public long nextLong(long origin, long bound) {
        return random.nextLong(origin, bound);
    }

    public double nextDouble() {
        return random.nextDouble();
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public <T> T pick(List<T> items) {
        if (items.isEmpty()) {
            throw new SimulationException("cannot pick from an empty list (stream " + name + ")");
        }
        return items.get(random.nextInt(items.size()));
    }

    /** A version-4 UUID drawn from this stream, as Kubernetes and ONTAP hand out. */
    public UUID uuid() {
        long hi = (random.nextLong() & ~0xf000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }
}
