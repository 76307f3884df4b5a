package io.mirrordrill.testkit.property;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Shrinks a failing choice sequence: deletes runs of choices (removes list elements, string characters, map
 * entries), zeroes and lowers single choices (ints towards 0, earlier alternatives), and moves a choice's amount
 * onto a later one (so [60, 50] failing "sum < 100" can become [110], then [100]). A candidate is kept when it still
 * fails the same way and is smaller: fewer choices, or the same number and lexicographically lower.
 */
final class Shrinker {
    /** Reruns the property on candidate choices: the choices it consumed when it failed the same way, else null. */
    private final Function<long[], long[]> failing;
    private final int budget;
    private int runs;
    private int steps;

    Shrinker(Function<long[], long[]> failing, int budget) {
        this.failing = failing;
        this.budget = budget;
    }

    long[] shrink(long[] start) {
        long[] best = start;
        boolean improved = true;
        while (improved && runs < budget) {
            improved = false;
            long[] next = deleteRuns(best);
            next = lowerEach(next);
            next = moveAmounts(next);
            if (smaller(next, best)) {
                best = next;
                improved = true;
            }
        }
        return best;
    }

    /** Candidates accepted: the number of shrink steps taken. */
    int steps() {
        return steps;
    }

    private long[] deleteRuns(long[] best) {
        for (int k = 8; k >= 1; k /= 2) {
            for (int i = best.length - k; i >= 0; i--) {
                if (i + k > best.length) {
                    continue;
                }
                long[] candidate = new long[best.length - k];
                System.arraycopy(best, 0, candidate, 0, i);
                System.arraycopy(best, i + k, candidate, i, best.length - i - k);
                best = accept(candidate, best);
            }
        }
        return best;
    }

    private long[] lowerEach(long[] best) {
        for (int i = 0; i < best.length; i++) {
            if (best[i] == 0) {
                continue;
            }
            long[] zero = best.clone();
            zero[i] = 0;
            long[] after = accept(zero, best);
            if (after != best) {
                best = after;
                continue;
            }
            // Lowest value that still fails, by bisection between a passing low and the failing current value.
            long low = 0;
            long high = best[i];
            while (high - low > 1 && runs < budget && i < best.length) {
                long mid = low + (high - low) / 2;
                long[] candidate = best.clone();
                candidate[i] = mid;
                long[] kept = accept(candidate, best);
                if (kept != best) {
                    best = kept;
                    high = mid;
                } else {
                    low = mid;
                }
            }
        }
        return best;
    }

    private long[] moveAmounts(long[] best) {
        for (int i = 0; i < best.length && best.length <= 200; i++) {
            for (int j = i + 1; j < best.length && best[i] != 0; j++) {
                long[] candidate = best.clone();
                candidate[j] = best[j] + best[i];
                candidate[i] = 0;
                if (candidate[j] >= 0) {
                    best = accept(candidate, best);
                }
            }
        }
        return best;
    }

    private long[] accept(long[] candidate, long[] best) {
        if (runs >= budget || !smaller(candidate, best)) {
            return best;
        }
        runs++;
        long[] consumed = failing.apply(candidate);
        if (consumed != null && smaller(consumed, best)) {
            steps++;
            return consumed;
        }
        return best;
    }

    static boolean smaller(long[] a, long[] b) {
        return a.length != b.length ? a.length < b.length : Arrays.compare(a, b) < 0;
    }
}
