package io.mirrordrill.emulator.ontap.blocks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSystemTest {
    private static final long TIB = 1L << 40;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesReadsAndAppendsAcrossBlockBoundaries() {
        FileSystem fs = new FileSystem(TIB);
        byte[] data = new byte[10_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        fs.write("f", 4000, data);
        assertEquals(14_000, fs.size("f"));
        assertArrayEquals(data, fs.read("f", 4000, 10_000));
        assertArrayEquals(new byte[4000], fs.read("f", 0, 4000));
        fs.append("f", b("end"));
        assertEquals("end", new String(fs.read("f", 14_000, 3), StandardCharsets.UTF_8));
        assertEquals(4, fs.usedBlocks());  // blocks 0..3 (block 0 only partly, written from offset 4000)
    }

    @Test
    void aFrozenImageIsUnaffectedByLaterWritesAndDeletes() {
        FileSystem fs = new FileSystem(TIB);
        fs.write("a", 0, b("v1"));
        Image snap = fs.freeze();
        fs.write("a", 0, b("v2"));
        fs.write("b", 0, b("new"));
        fs.delete("a");
        assertFalse(fs.exists("a"));
        fs.load(snap);
        assertEquals("v1", new String(fs.read("a"), StandardCharsets.UTF_8));
        assertFalse(fs.exists("b"));
    }

    @Test
    void changedBlocksCountsOnlyWhatChangedBetweenImages() {
        FileSystem fs = new FileSystem(TIB);
        fs.write("big", 0, new byte[100 * Image.BLOCK_SIZE]);
        Image before = fs.freeze();
        fs.write("big", 50L * Image.BLOCK_SIZE + 10, b("x"));
        fs.write("big", 99L * Image.BLOCK_SIZE, new byte[2 * Image.BLOCK_SIZE]);  // one rewritten, one new
        Image after = fs.freeze();
        assertEquals(3, Image.changedBlocks(before, after));
        assertEquals(0, Image.changedBlocks(after, after));
        assertEquals(101, Image.changedBlocks(Image.EMPTY, after));
        assertFalse(Image.sameContent(before, after));
        assertTrue(Image.sameContent(after, after));
    }

    @Test
    void aTebibyteVolumeWithAMebibyteWrittenStaysSmall() {
        FileSystem fs = new FileSystem(TIB);
        fs.write("f", TIB / 2, new byte[1 << 20]);
        assertEquals(256, fs.usedBlocks());
        assertEquals(TIB, fs.capacityBytes());
    }

    @Test
    void writesBeyondTheVolumeSizeFailWithNoSpaceAndChangeNothing() {
        FileSystem fs = new FileSystem(8 * Image.BLOCK_SIZE);
        fs.write("f", 0, new byte[6 * Image.BLOCK_SIZE]);
        DataPathException e = assertThrows(DataPathException.class,
                () -> fs.write("g", 0, new byte[3 * Image.BLOCK_SIZE]));
        assertEquals(DataPathException.Reason.NO_SPACE, e.reason());
        assertEquals(6, fs.usedBlocks());
        assertFalse(fs.exists("g") && fs.size("g") > 0);
    }

    @Test
    void readingAMissingFileIsNotFound() {
        DataPathException e = assertThrows(DataPathException.class, () -> new FileSystem(TIB).read("nope"));
        assertEquals(DataPathException.Reason.NOT_FOUND, e.reason());
    }
}
