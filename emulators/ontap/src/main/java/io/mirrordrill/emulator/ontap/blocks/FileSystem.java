package io.mirrordrill.emulator.ontap.blocks;

import io.mirrordrill.emulator.ontap.blocks.DataPathException.Reason;
import io.mirrordrill.emulator.ontap.blocks.Image.Inode;

import java.io.ByteArrayOutputStream;
import java.util.TreeMap;

/**
 * The live filesystem of a volume: a small file store over 4 KiB blocks. Reads and writes act on the current state;
 * {@link #freeze()} returns an immutable {@link Image} in O(1) and later writes copy only the paths they touch.
 * Capacity is the volume's logical size: memory grows with data written, not with size.
 */
public final class FileSystem {
    private static final long MAX_FILE_BLOCKS = 1L << Image.FILE_BLOCK_BITS;
    private static final long MAX_INODES = 1L << (PersistentTrie.LEVELS * PersistentTrie.BITS - Image.FILE_BLOCK_BITS);

    private TreeMap<String, Long> names;
    private boolean namesShared;
    private PersistentTrie<Inode> inodes;
    private PersistentTrie<byte[]> blocks;
    private long nextInode;
    private PersistentTrie.Edit edit = new PersistentTrie.Edit();
    private long capacityBlocks;

    public FileSystem(long sizeBytes) {
        load(Image.EMPTY);
        resize(sizeBytes);
    }

    public void resize(long sizeBytes) {
        this.capacityBlocks = sizeBytes / Image.BLOCK_SIZE;
    }

    public long capacityBytes() {
        return capacityBlocks * Image.BLOCK_SIZE;
    }

    /** An immutable image of the current state; O(1). */
    public Image freeze() {
        Image image = new Image(names, inodes, blocks, nextInode);
        namesShared = true;
        edit = new PersistentTrie.Edit();
        return image;
    }

    /** Replaces the current state with an image (snapshot restore, SnapMirror transfer); O(1). */
    public void load(Image image) {
        names = image.names;
        namesShared = true;
        inodes = image.inodes;
        blocks = image.blocks;
        nextInode = image.nextInode;
        edit = new PersistentTrie.Edit();
    }

    public long usedBlocks() {
        return blocks.size();
    }

    public boolean exists(String path) {
        return names.containsKey(path);
    }

    public java.util.SortedSet<String> list() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(names.keySet()));
    }

    public long size(String path) {
        return inode(path).size();
    }

    /** Writes {@code data} at {@code offset}, creating the file when missing and extending it as needed. */
    public void write(String path, long offset, byte[] data) {
        if (offset < 0) {
            throw new DataPathException(Reason.INVALID, "negative offset " + offset + " writing " + path);
        }
        Inode inode = names.containsKey(path) ? inode(path) : create(path);
        long end = offset + data.length;
        long firstBlock = offset / Image.BLOCK_SIZE;
        long lastBlock = data.length == 0 ? firstBlock - 1 : (end - 1) / Image.BLOCK_SIZE;
        if (lastBlock >= MAX_FILE_BLOCKS) {
            throw new DataPathException(Reason.NO_SPACE, path + ": file would exceed 1 TiB");
        }
        long newBlocks = 0;
        for (long b = firstBlock; b <= lastBlock; b++) {
            if (blocks.get(address(inode, b)) == null) {
                newBlocks++;
            }
        }
        if (blocks.size() + newBlocks > capacityBlocks) {
            throw new DataPathException(Reason.NO_SPACE, "no space left on volume writing " + data.length
                    + " bytes to " + path + " (" + blocks.size() + " of " + capacityBlocks + " blocks used)");
        }
        for (long b = firstBlock; b <= lastBlock; b++) {
            long blockStart = b * Image.BLOCK_SIZE;
            int from = (int) Math.max(0, offset - blockStart);
            int to = (int) Math.min(Image.BLOCK_SIZE, end - blockStart);
            byte[] old = blocks.get(address(inode, b));
            byte[] fresh = new byte[Math.max(old == null ? 0 : old.length, to)];
            if (old != null) {
                System.arraycopy(old, 0, fresh, 0, old.length);
            }
            System.arraycopy(data, (int) (blockStart + from - offset), fresh, from, to - from);
            blocks = blocks.put(address(inode, b), fresh, edit);
        }
        if (end > inode.size()) {
            inodes = inodes.put(inode.number(), new Inode(inode.number(), path, end), edit);
        }
    }

    public void append(String path, byte[] data) {
        write(path, names.containsKey(path) ? size(path) : 0, data);
    }

    /** The whole file. */
    public byte[] read(String path) {
        Inode inode = inode(path);
        if (inode.size() > Integer.MAX_VALUE - 8) {
            throw new DataPathException(Reason.INVALID, path + " is too large to read whole; read a range");
        }
        return read(path, 0, (int) inode.size());
    }

    /** Up to {@code length} bytes from {@code offset}; holes read as zeros. */
    public byte[] read(String path, long offset, int length) {
        Inode inode = inode(path);
        long end = Math.min(inode.size(), offset + length);
        if (offset >= end) {
            return new byte[0];
        }
        byte[] out = new byte[(int) (end - offset)];
        long base = inode.number() << Image.FILE_BLOCK_BITS;
        blocks.forEachInRange(base + offset / Image.BLOCK_SIZE, base + (end - 1) / Image.BLOCK_SIZE, (key, block) -> {
            long blockStart = (key - base) * Image.BLOCK_SIZE;
            long from = Math.max(offset, blockStart);
            long to = Math.min(end, blockStart + block.length);
            if (from < to) {
                System.arraycopy(block, (int) (from - blockStart), out, (int) (from - offset), (int) (to - from));
            }
        });
        return out;
    }

    public void delete(String path) {
        Inode inode = inode(path);
        long base = inode.number() << Image.FILE_BLOCK_BITS;
        java.util.List<Long> keys = new java.util.ArrayList<>();
        blocks.forEachInRange(base, base + MAX_FILE_BLOCKS - 1, (key, block) -> keys.add(key));
        for (long key : keys) {
            blocks = blocks.put(key, null, edit);
        }
        inodes = inodes.put(inode.number(), null, edit);
        mutableNames().remove(path);
    }

    /** Concatenated contents of every file, for small test volumes. */
    public String dump() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String path : names.keySet()) {
            out.writeBytes((path + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.writeBytes(read(path));
            out.write('\n');
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private Inode create(String path) {
        if (path.isEmpty() || path.length() > 1024) {
            throw new DataPathException(Reason.INVALID, "invalid file name '" + path + "'");
        }
        if (nextInode >= MAX_INODES) {
            throw new DataPathException(Reason.NO_SPACE, "no free inodes creating " + path);
        }
        Inode inode = new Inode(nextInode++, path, 0);
        inodes = inodes.put(inode.number(), inode, edit);
        mutableNames().put(path, inode.number());
        return inode;
    }

    private TreeMap<String, Long> mutableNames() {
        if (namesShared) {
            names = new TreeMap<>(names);
            namesShared = false;
        }
        return names;
    }

    private Inode inode(String path) {
        Long number = names.get(path);
        if (number == null) {
            throw new DataPathException(Reason.NOT_FOUND, "no such file: " + path);
        }
        return inodes.get(number);
    }

    private static long address(Inode inode, long fileBlock) {
        return inode.number() << Image.FILE_BLOCK_BITS | fileBlock;
    }
}
