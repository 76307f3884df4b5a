package io.mirrordrill.scenario.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller's ddmin) over a list of operations: removes ever smaller chunks while the failure stays
 * the same, down to a list where removing any single operation makes it go away.
 */
public final class Shrinker {
    private Shrinker() {
    }

    /**
     * @param fails whether a candidate list still fails the same way (it runs the drill)
     * @return a 1-minimal failing sublist, in the original order
     */
    public static <T> List<T> shrink(List<T> items, Predicate<List<T>> fails) {
        List<T> current = new ArrayList<>(items);
        int chunks = 2;
        while (current.size() >= 2) {
            int size = (int) Math.ceil(current.size() / (double) chunks);
            boolean reduced = false;
            for (int start = 0; start < current.size(); start += size) {
                List<T> without = new ArrayList<>(current.subList(0, start));
                without.addAll(current.subList(Math.min(current.size(), start + size), current.size()));
                if (!without.isEmpty() && fails.test(without)) {
                    current = without;
                    chunks = Math.max(chunks - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (chunks >= current.size()) {
                    break;
                }
                chunks = Math.min(current.size(), chunks * 2);
            }
        }
        return current;
    }
}
