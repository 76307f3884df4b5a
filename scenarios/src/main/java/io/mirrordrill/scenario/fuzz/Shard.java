package io.mirrordrill.scenario.fuzz;

/**
 * The {@code index}-th (0-based, as Kubernetes' {@code JOB_COMPLETION_INDEX}) of {@code count} disjoint slices of a
 * seed range. Slices interleave: seed {@code from + k} belongs to shard {@code k % count}, so neighbouring seeds,
 * which cost alike, spread over every shard, and shards differ by at most one seed.
 */
public record Shard(int index, int count) {
    /** A run over the whole range. */
    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("no shard " + index + "/" + count);
        }
    }

    public boolean covers(long from, long seed) {
        return seed >= from && (seed - from) % count == index;
    }

    /** How many of the seeds {@code from..to} are this shard's. */
    public long size(long from, long to) {
        long all = to - from + 1;
        return all / count + (index < all % count ? 1 : 0);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
