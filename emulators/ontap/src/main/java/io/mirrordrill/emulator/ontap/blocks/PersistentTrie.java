package io.mirrordrill.emulator.ontap.blocks;

/**
 * A persistent radix trie from 48-bit keys to values: 8 levels of 64-way nodes. Versions share structure, so
 * freezing a version (a snapshot) is O(1), and the difference between two versions costs O(changed keys x depth)
 * because identical subtrees are skipped by reference.
 *
 * <p>Writes pass an {@link Edit} token: nodes created under the current token are updated in place, all others are
 * copied first. A holder "freezes" every existing node by switching to a new token, which is what a snapshot does;
 * between snapshots repeated writes then allocate nothing new.
 */
public final class PersistentTrie<V> {
    static final int BITS = 6;
    static final int WIDTH = 1 << BITS;
    static final int LEVELS = 8;
    public static final long MAX_KEY = (1L << (BITS * LEVELS)) - 1;

    /** Ownership token for in-place updates; see the class comment. */
    public static final class Edit {}

    /** Receives keys whose values differ between two versions ({@code null} means absent). */
    @FunctionalInterface
    public interface DiffVisitor<V> {
        void changed(long key, V before, V after);
    }

    @FunctionalInterface
    public interface EntryVisitor<V> {
        void visit(long key, V value);
    }

    private static final class Node {
        final Edit edit;
        final Object[] slots;
        int count;

        Node(Edit edit, Object[] slots, int count) {
            this.edit = edit;
            this.slots = slots;
            this.count = count;
        }
    }

    private static final PersistentTrie<?> EMPTY = new PersistentTrie<>(null, 0);

    private final Node root;
    private final long size;

    private PersistentTrie(Node root, long size) {
        this.root = root;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    public static <V> PersistentTrie<V> empty() {
        return (PersistentTrie<V>) EMPTY;
    }

    public long size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        checkKey(key);
        Node node = root;
        for (int level = 0; node != null; level++) {
            Object child = node.slots[index(key, level)];
            if (level == LEVELS - 1) {
                return (V) child;
            }
            node = (Node) child;
        }
        return null;
    }

    /** The trie with {@code key} mapped to {@code value}, or removed when {@code value} is null. */
    public PersistentTrie<V> put(long key, V value, Edit edit) {
        checkKey(key);
        long[] delta = new long[1];
        Node newRoot = put(root, 0, key, value, edit, delta);
        if (newRoot == root && delta[0] == 0) {
            return this;
        }
        return new PersistentTrie<>(newRoot, size + delta[0]);
    }

    private static Node put(Node node, int level, long key, Object value, Edit edit, long[] delta) {
        int i = index(key, level);
        Object old = node == null ? null : node.slots[i];
        Object replacement;
        if (level == LEVELS - 1) {
            replacement = value;
            delta[0] += (old == null ? 0 : -1) + (value == null ? 0 : 1);
        } else {
            replacement = put((Node) old, level + 1, key, value, edit, delta);
        }
        if (replacement == old) {
            return node;
        }
        Node target;
        if (node == null) {
            target = new Node(edit, new Object[WIDTH], 0);
        } else if (edit != null && node.edit == edit) {
            target = node;
        } else {
            target = new Node(edit, node.slots.clone(), node.count);
        }
        target.slots[i] = replacement;
        target.count += (old == null ? 1 : 0) - (replacement == null ? 1 : 0);
        return target.count == 0 ? null : target;
    }

    /** Visits entries with keys in [from, to] in ascending key order. */
    @SuppressWarnings("unchecked")
    public void forEachInRange(long from, long to, EntryVisitor<V> visitor) {
        walk(root, 0, 0, from, to, (EntryVisitor<Object>) visitor);
    }

    private static void walk(Node node, int level, long prefix, long from, long to, EntryVisitor<Object> visitor) {
        if (node == null) {
            return;
        }
        int shift = BITS * (LEVELS - 1 - level);
        for (int i = 0; i < WIDTH; i++) {
            Object child = node.slots[i];
            if (child == null) {
                continue;
            }
            long lo = (prefix << BITS | i) << shift;
            long hi = lo + (1L << shift) - 1;
            if (hi < from || lo > to) {
                continue;
            }
            if (level == LEVELS - 1) {
                visitor.visit(lo, child);
            } else {
                walk((Node) child, level + 1, prefix << BITS | i, from, to, visitor);
            }
        }
    }

    /** Visits every key whose value is not the same object in both versions, in ascending key order. */
    @SuppressWarnings("unchecked")
    public static <V> void diff(PersistentTrie<V> before, PersistentTrie<V> after, DiffVisitor<V> visitor) {
        diff(before.root, after.root, 0, 0, (DiffVisitor<Object>) visitor);
    }

    private static void diff(Node a, Node b, int level, long prefix, DiffVisitor<Object> visitor) {
        if (a == b) {
            return;
        }
        for (int i = 0; i < WIDTH; i++) {
            Object ca = a == null ? null : a.slots[i];
            Object cb = b == null ? null : b.slots[i];
            if (ca == cb) {
                continue;
            }
            long key = prefix << BITS | i;
            if (level == LEVELS - 1) {
                visitor.changed(key, ca, cb);
            } else {
                diff((Node) ca, (Node) cb, level + 1, key, visitor);
            }
        }
    }

    private static int index(long key, int level) {
        return (int) (key >>> (BITS * (LEVELS - 1 - level))) & (WIDTH - 1);
    }

    private static void checkKey(long key) {
        if (key < 0 || key > MAX_KEY) {
            throw new IllegalArgumentException("key " + key + " outside 0.." + MAX_KEY);
        }
    }
}
