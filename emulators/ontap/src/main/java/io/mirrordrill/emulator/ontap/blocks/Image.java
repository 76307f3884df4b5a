package io.mirrordrill.emulator.ontap.blocks;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A frozen point-in-time image of a volume's filesystem: what a snapshot holds and what SnapMirror ships. Immutable
 * and structurally shared with the live filesystem and other images, so keeping one costs O(1).
 *
 * <p>Block addresses are {@code inode << 28 | fileBlockIndex}: up to 2^20 files of up to 1 TiB each.
 */
public final class Image {
    public static final int BLOCK_SIZE = 4096;
    static final int FILE_BLOCK_BITS = 28;

    /** A file's metadata; its blocks live in the block trie under its inode number. */
    public record Inode(long number, String path, long size) {}

    public static final Image EMPTY = new Image(new TreeMap<>(), PersistentTrie.empty(), PersistentTrie.empty(), 1);

    final TreeMap<String, Long> names;
    final PersistentTrie<Inode> inodes;
    final PersistentTrie<byte[]> blocks;
    final long nextInode;

    Image(TreeMap<String, Long> names, PersistentTrie<Inode> inodes, PersistentTrie<byte[]> blocks, long nextInode) {
        this.names = names;
        this.inodes = inodes;
        this.blocks = blocks;
        this.nextInode = nextInode;
    }

    /** Allocated 4 KiB blocks. */
    public long usedBlocks() {
        return blocks.size();
    }

    public long usedBytes() {
        return usedBlocks() * BLOCK_SIZE;
    }

    /** Paths of all files, sorted. */
    public SortedMap<String, Long> files() {
        return Collections.unmodifiableSortedMap(names);
    }

    /**
     * Blocks that differ between two images, found by walking only the subtrees that are not shared: the cost is
     * proportional to the change, not to the volume. A block rewritten with the same bytes counts as changed, as in
     * WAFL, where every write goes to a new block.
     */
    public static long changedBlocks(Image from, Image to) {
        long[] count = new long[1];
        PersistentTrie.diff(from.blocks, to.blocks, (key, before, after) -> {
            if (after != null) {
                count[0]++;
            }
        });
        return count[0];
    }

    /** Whether the two images hold the same files with the same contents (block for block). */
    public static boolean sameContent(Image a, Image b) {
        if (!a.names.equals(b.names)) {
            return false;
        }
        boolean[] same = {true};
        PersistentTrie.diff(a.blocks, b.blocks, (key, before, after) -> {
            if (before == null || after == null || !java.util.Arrays.equals(before, after)) {
                same[0] = false;
            }
        });
        PersistentTrie.diff(a.inodes, b.inodes, (key, before, after) -> {
            if (before == null || !before.equals(after)) {
                same[0] = false;
            }
        });
        return same[0];
    }
}
