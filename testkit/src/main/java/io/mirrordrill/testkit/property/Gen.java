package io.mirrordrill.testkit.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator: a value made from {@link Choices}. Composing generators composes their shrinking, because a smaller
 * choice always means a simpler value: ints move towards 0 (or the bound nearest it), lists and strings lose
 * elements, one-of picks an earlier alternative.
 */
@FunctionalInterface
public interface Gen<T> {
    T generate(Choices choices);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return c -> f.apply(generate(c));
    }

    default <R> Gen<R> flatMap(Function<? super T, Gen<R>> f) {
        return c -> f.apply(generate(c)).generate(c);
    }

    /** Only values that pass; after 100 misses in a row the try is discarded (see {@link Discard}). */
    default Gen<T> filter(Predicate<? super T> keep) {
        return c -> {
            for (int attempt = 0; attempt < 100; attempt++) {
                T value = generate(c);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new Discard();
        };
    }

    default Gen<List<T>> list(int minSize, int maxSize) {
        return Gen.lists(this, minSize, maxSize);
    }

    /** Thrown by a filter that finds nothing: the try does not count, and a shrink candidate is not a failure. */
    final class Discard extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Discard() {
            super("discarded", null, false, false);
        }
    }

    static <T> Gen<T> constant(T value) {
        return c -> value;
    }

    /** Ints in [min, max], shrinking towards 0 when the range holds it, else towards the bound nearest 0. */
    static Gen<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min > max: " + min + " > " + max);
        }
        if (min >= 0) {
            return c -> min + c.draw(max - min);
        }
        if (max <= 0) {
            return c -> max - c.draw(max - min);
        }
        // 0, 1, -1, 2, -2, ... while both sides last, then the longer side: simpler is nearer 0.
        long both = Math.min(-min, max);
        return c -> {
            long n = c.draw(max - min);
            if (n <= 2 * both) {
                return n % 2 == 1 ? (n + 1) / 2 : -(n / 2);
            }
            long beyond = n - 2 * both;
            return max > -min ? both + beyond : -both - beyond;
        };
    }

    static Gen<Boolean> booleans() {
        return c -> c.draw(1) == 1;
    }

    /** One of the values; shrinks towards the first. */
    @SafeVarargs
    static <T> Gen<T> elements(T... values) {
        return elements(List.of(values));
    }

    static <T> Gen<T> elements(List<T> values) {
        List<T> copy = List.copyOf(values);
        return c -> copy.get((int) c.draw(copy.size() - 1));
    }

    /** One of the generators, equally likely; shrinks towards the first. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> copy = List.of(gens);
        return c -> copy.get((int) c.draw(copy.size() - 1)).generate(c);
    }

    /** Weighted alternatives: {@code frequency(Weighted.of(3, a), Weighted.of(1, b))}; shrinks towards the first. */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> copy = List.of(choices);
        long total = copy.stream().mapToLong(Weighted::weight).sum();
        return c -> {
            long pick = c.draw(total - 1);
            for (Weighted<? extends T> w : copy) {
                if (pick < w.weight()) {
                    return w.gen().generate(c);
                }
                pick -= w.weight();
            }
            throw new IllegalStateException("unreachable");
        };
    }

    record Weighted<T>(int weight, Gen<T> gen) {
        public Weighted {
            if (weight <= 0) {
                throw new IllegalArgumentException("weight must be positive: " + weight);
            }
        }

        public static <T> Weighted<T> of(int weight, Gen<T> gen) {
            return new Weighted<>(weight, gen);
        }
    }

    /**
     * Lists of [minSize, maxSize] elements, about 4 beyond the minimum on average. Each further element is preceded
     * by a "more" choice, so shrinking deletes elements by deleting choices, and a 0 ends the list.
     */
    static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
        return c -> {
            List<T> list = new ArrayList<>();
            while (list.size() < minSize) {
                list.add(element.generate(c));
            }
            while (list.size() < maxSize && c.draw(4) != 0) {
                list.add(element.generate(c));
            }
            return Collections.unmodifiableList(list);
        };
    }

    /** Sorted maps of up to maxSize entries (a repeated key keeps its first value); shrinks by removing entries. */
    static <K extends Comparable<K>, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int maxSize) {
        return lists(zip(keys, values, Map::entry), 0, maxSize).map(entries -> {
            Map<K, V> map = new TreeMap<>();
            entries.forEach(e -> map.putIfAbsent(e.getKey(), e.getValue()));
            return Collections.unmodifiableMap(map);
        });
    }

    /** Strings of [minLength, maxLength] characters of the alphabet; shrinks by removing characters. */
    static Gen<String> strings(String alphabet, int minLength, int maxLength) {
        Gen<Character> chars = elements(alphabet.chars().mapToObj(ch -> (char) ch).toList());
        return lists(chars, minLength, maxLength).map(list -> {
            StringBuilder s = new StringBuilder(list.size());
            list.forEach(s::append);
            return s.toString();
        });
    }

    /** Composed values (records): {@code zip(names, ints(0, 9), Pod::new)}. */
    static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
        return c -> f.apply(a.generate(c), b.generate(c));
    }

    static <A, B, C, R> Gen<R> zip(Gen<A> a, Gen<B> b, Gen<C> c3, Function3<A, B, C, R> f) {
        return c -> f.apply(a.generate(c), b.generate(c), c3.generate(c));
    }

    @FunctionalInterface
    interface Function3<A, B, C, R> {
        R apply(A a, B b, C c);
    }
}
