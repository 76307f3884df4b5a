package io.mirrordrill.sim;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One root seed split into named, independent sub-streams. A stream's seed depends only on the root seed and its
 * name, so adding a subsystem (a new stream name) never changes the numbers another subsystem draws.
 */
public final class Seeds {
    private final long root;
    private final Map<String, RandomStream> streams = new TreeMap<>();

    public Seeds(long root) {
        this.root = root;
    }

    public long root() {
        return root;
    }

    /** The stream named {@code name}; the same object on every call within one world. */
    public RandomStream stream(String name) {
        return streams.computeIfAbsent(name, n -> new RandomStream(n, derive(root, n)));
    }

    /** SplitMix64 finaliser over the root and a 64-bit FNV-1a hash of the name. */
    static long derive(long root, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(root ^ mix(h));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
