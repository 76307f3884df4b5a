package io.mirrordrill.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembered answers of a pure function, by its whole input: a hit is the answer a fresh computation would give, so
 * nothing goes stale and nothing expires by time. The engine's memos (parsed YAML texts, bound resources, validated
 * specs and files, archive contents, the namespaces of an application's archives) each say why their key is the whole
 * input. Bounded, least recently used first out; shared across threads, the answer computed outside the lock (two
 * threads may compute the same one once each); a failure is not remembered.
 */
public final class Memo<K, V> {
    private final Map<K, V> recent;

    public Memo(int capacity) {
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The answer for {@code key}, computed by {@code compute} when it is not known yet. */
    public V get(K key, Function<? super K, ? extends V> compute) {
        V known = known(key);
        if (known == null) {
            known = compute.apply(key);
            remember(key, known);
        }
        return known;
    }

    /** The remembered answer for {@code key}, or null. */
    public synchronized V known(K key) {
        return recent.get(key);
    }

    /** Remembers {@code value} for {@code key}, a key the caller will not change afterwards. */
    public synchronized void remember(K key, V value) {
        recent.put(key, value);
    }
}
