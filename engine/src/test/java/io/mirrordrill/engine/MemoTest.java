package io.mirrordrill.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MemoTest {
    @Test
    void anAnswerIsComputedOnceAndTheLeastRecentlyUsedGoesFirstWhenFull() {
        List<String> computed = new ArrayList<>();
        Memo<String, Integer> memo = new Memo<>(2);
        memo.get("a", k -> { computed.add(k); return 1; });
        memo.get("b", k -> { computed.add(k); return 2; });
        assertEquals(1, memo.get("a", k -> { computed.add(k); return -1; })); // a is now the most recent
        memo.get("c", k -> { computed.add(k); return 3; });                 // b goes
        assertEquals(List.of("a", "b", "c"), computed);
        assertNull(memo.known("b"));
        assertEquals(1, memo.known("a"));
        assertEquals(3, memo.known("c"));
    }

    @Test
    void aFailureIsNotRemembered() {
        Memo<String, Integer> memo = new Memo<>(4);
        assertThrows(IllegalStateException.class, () -> memo.get("a", k -> { throw new IllegalStateException(); }));
        assertNull(memo.known("a"));
        assertEquals(7, memo.get("a", k -> 7));
    }
}
