package io.mirrordrill.engine.archive;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContentMemoTest {
    private final List<String> computed = new ArrayList<>();
    private final ContentMemo<String> memo = new ContentMemo<>(2);

    private String value(byte[] bytes) {
        return memo.get(bytes, b -> {
            computed.add(new String(b));
            return b.length + "@" + new String(b).indexOf('b');
        });
    }

    private static byte[] bytes(int size, int changedAt) {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) 'a');
        if (changedAt >= 0) {
            b[changedAt] = 'b';
        }
        return b;
    }

    @Test
    void the_same_bytes_in_another_array_find_the_value_computed_once() {
        value(bytes(10_000, -1));
        value(bytes(10_000, -1));
        assertEquals(1, computed.size());
    }

    @Test
    void bytes_that_differ_anywhere_are_computed_afresh_even_where_the_hash_does_not_look() {
        value(bytes(10_000, -1));
        for (int at = 300; at < 320; at++) {
            assertEquals("10000@" + at, value(bytes(10_000, at)));
        }
        assertEquals(21, computed.size());
    }

    @Test
    void the_least_recently_used_content_goes_first_beyond_the_capacity() {
        value(bytes(1, -1));
        value(bytes(2, -1));
        value(bytes(1, -1)); // used again: 2 is now the eldest
        value(bytes(3, -1));
        value(bytes(1, -1));
        value(bytes(2, -1));
        assertEquals(4, computed.size());
    }

    @Test
    void a_failed_computation_is_not_remembered() {
        for (int i = 0; i < 2; i++) {
            try {
                memo.get(bytes(5, -1), b -> {
                    computed.add("failed");
                    throw new IllegalStateException("not parsable");
                });
            } catch (IllegalStateException expected) {
                // each attempt computes again
            }
        }
        assertEquals(2, computed.size());
    }
}
