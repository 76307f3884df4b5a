package io.mirrordrill.emulator.ontap.blocks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PersistentTrieTest {

    @Test
    void behavesLikeASortedMapUnderRandomPutsAndRemoves() {
        SplittableRandom random = new SplittableRandom(17);
        TreeMap<Long, String> model = new TreeMap<>();
        PersistentTrie<String> trie = PersistentTrie.empty();
        PersistentTrie.Edit edit = new PersistentTrie.Edit();
        for (int i = 0; i < 20_000; i++) {
            long key = random.nextBoolean() ? random.nextLong(0, 5_000) : random.nextLong(0, PersistentTrie.MAX_KEY);
            if (random.nextInt(4) == 0) {
                model.remove(key);
                trie = trie.put(key, null, edit);
            } else {
                String v = "v" + i;
                model.put(key, v);
                trie = trie.put(key, v, edit);
            }
        }
        assertEquals(model.size(), trie.size());
        List<Long> keys = new ArrayList<>();
        trie.forEachInRange(0, PersistentTrie.MAX_KEY, (k, v) -> {
            keys.add(k);
            assertEquals(model.get(k), v);
        });
        assertEquals(new ArrayList<>(model.keySet()), keys);
    }

    @Test
    void aFrozenVersionNeverChangesAfterLaterWrites() {
        PersistentTrie.Edit edit = new PersistentTrie.Edit();
        PersistentTrie<String> v1 = PersistentTrie.<String>empty().put(1, "a", edit).put(2, "b", edit);
        PersistentTrie.Edit next = new PersistentTrie.Edit();  // freezing = switching tokens
        PersistentTrie<String> v2 = v1.put(1, "changed", next).put(3, "c", next);
        assertEquals("a", v1.get(1));
        assertNull(v1.get(3));
        assertEquals(2, v1.size());
        assertEquals("changed", v2.get(1));
        assertEquals(3, v2.size());
    }

    @Test
    void diffVisitsExactlyTheChangedKeys() {
        PersistentTrie.Edit edit = new PersistentTrie.Edit();
        PersistentTrie<String> base = PersistentTrie.empty();
        for (long k = 0; k < 10_000; k++) {
            base = base.put(k * 977, "x" + k, edit);
        }
        PersistentTrie.Edit next = new PersistentTrie.Edit();
        PersistentTrie<String> changed = base.put(977, "new", next).put(5, "added", next).put(0, null, next);
        List<String> seen = new ArrayList<>();
        PersistentTrie.diff(base, changed, (k, before, after) -> seen.add(k + ":" + before + "->" + after));
        assertEquals(List.of("0:x0->null", "5:null->added", "977:x1->new"), seen);
    }

    @Test
    void rewritingAValueIsADifferenceEvenWhenEqual() {
        PersistentTrie.Edit edit = new PersistentTrie.Edit();
        PersistentTrie<byte[]> a = PersistentTrie.<byte[]>empty().put(7, new byte[] {1}, edit);
        PersistentTrie<byte[]> b = a.put(7, new byte[] {1}, new PersistentTrie.Edit());
        int[] count = {0};
        PersistentTrie.diff(a, b, (k, x, y) -> count[0]++);
        assertEquals(1, count[0]);
        PersistentTrie.diff(a, a, (k, x, y) -> count[0]++);
        assertEquals(1, count[0]);
    }

    @Test
    void removingEverythingLeavesTheEmptyTrie() {
        PersistentTrie.Edit edit = new PersistentTrie.Edit();
        PersistentTrie<String> t = PersistentTrie.<String>empty().put(42, "x", edit).put(42, null, edit);
        assertEquals(0, t.size());
        int[] count = {0};
        PersistentTrie.diff(PersistentTrie.<String>empty(), t, (k, x, y) -> count[0]++);
        assertEquals(0, count[0]);
        PersistentTrie<String> same = t.put(99, null, edit);
        assertSame(t, same);
    }

    @Test
    void keysOutsideFortyEightBitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PersistentTrie.empty().get(-1));
        assertThrows(IllegalArgumentException.class, () -> PersistentTrie.empty().get(PersistentTrie.MAX_KEY + 1));
    }
}
