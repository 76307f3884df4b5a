package io.mirrordrill.port.objectstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void the_three_range_forms_round_trip_through_the_header() {
        for (ByteRange r : new ByteRange[] {ByteRange.between(2, 5), ByteRange.from(7), ByteRange.lastBytes(3)}) {
            assertEquals(r, ByteRange.parse(r.header()));
        }
        assertEquals("bytes=2-5", ByteRange.between(2, 5).header());
        assertEquals("bytes=7-", ByteRange.from(7).header());
        assertEquals("bytes=-3", ByteRange.lastBytes(3).header());
    }

    @Test
    void headers_s3_would_ignore_parse_to_null() {
        for (String header : new String[] {null, "", "bytes=-", "bytes=5-2", "bytes=0-1,4-5", "items=0-1", "bytes=a-b"}) {
            assertNull(ByteRange.parse(header), header);
        }
    }

    @Test
    void resolving_cuts_at_the_end_and_returns_null_for_what_selects_nothing() {
        assertArrayEquals(new long[] {8, 9}, ByteRange.between(8, 100).resolve(10));
        assertArrayEquals(new long[] {0, 9}, ByteRange.lastBytes(50).resolve(10));
        assertArrayEquals(new long[] {7, 9}, ByteRange.from(7).resolve(10));
        assertNull(ByteRange.from(10).resolve(10));
        assertNull(ByteRange.lastBytes(0).resolve(10));
        assertNull(ByteRange.lastBytes(5).resolve(0));
    }

    @Test
    void a_range_that_ends_before_it_starts_cannot_be_built() {
        assertThrows(IllegalArgumentException.class, () -> ByteRange.between(5, 2));
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(null, null));
    }
}
