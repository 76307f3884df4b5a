package io.mirrordrill.engine.archive;

import io.mirrordrill.engine.Memo;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Values computed from bytes alone (an object's SHA-256, a part parsed), kept for the very bytes they came from. A
 * lookup compares the whole content byte for byte, so it finds a value only for identical bytes: whatever an object
 * store returns, a changed or corrupt object is different bytes and is computed afresh, and the answer is the one a
 * fresh computation would give. Nothing expires by time because nothing can go stale: bytes are their own version.
 * The archives of one application repeat themselves (the same resources snapshot after snapshot; each archive read
 * on every reconcile of its relationship, then copied), which is what this saves. Shared by every reader and writer
 * in the JVM, bounded, least recently used out first; the bytes handed in are kept and must not be changed after.
 */
final class ContentMemo<V> {
    private final Memo<Content, V> values;

    ContentMemo(int capacity) {
        this.values = new Memo<>(capacity);
    }

    /** The value for these bytes, computed by {@code compute} (outside the lock) when they are not known yet. */
    V get(byte[] bytes, Function<byte[], V> compute) {
        if (bytes == null) {
            return compute.apply(null);
        }
        return values.get(new Content(bytes), c -> compute.apply(bytes));
    }

    /**
     * Bytes compared by content. The hash only spreads keys over the map's buckets, so it reads a sample: the length,
     * the first and last {@value #EDGE} bytes and {@value #EDGE} bytes spread over the middle (a part's whole bytes
     * hashed cost a good share of what parsing it costs); equality is byte for byte.
     */
    private static final class Content {
        private static final int EDGE = 256;
        private final byte[] bytes;
        private final int hash;

        Content(byte[] bytes) {
            this.bytes = bytes;
            this.hash = sampledHash(bytes);
        }

        private static int sampledHash(byte[] b) {
            int n = b.length;
            int head = Math.min(n, EDGE);
            int tail = Math.max(head, n - EDGE);
            int stride = Math.max(1, (tail - head) / EDGE);
            int h = n;
            for (int i = 0; i < head; i++) {
                h = 31 * h + b[i];
            }
            for (int i = head; i < tail; i += stride) {
                h = 31 * h + b[i];
            }
            for (int i = tail; i < n; i++) {
                h = 31 * h + b[i];
            }
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Content c && c.hash == hash && Arrays.equals(c.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
