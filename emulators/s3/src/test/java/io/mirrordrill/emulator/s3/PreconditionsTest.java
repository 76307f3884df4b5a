package io.mirrordrill.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStoreException;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** S3's (RFC 7232's) order of conditional headers on reads and copy sources. */
class PreconditionsTest {
    private static final ObjectInfo OBJECT = new ObjectInfo("k", "abc", 3, Instant.parse("2026-01-01T10:00:00Z"));
    private static final String BEFORE = "Thu, 01 Jan 2026 09:00:00 GMT";
    private static final String AT = "Thu, 01 Jan 2026 10:00:00 GMT";

    @Test
    void no_conditional_header_lets_every_read_through() {
        assertDoesNotThrow(() -> read(Map.of()));
    }

    @Test
    void if_match_compares_quoted_weak_and_listed_etags_and_star_matches_any() {
        assertTrue(Preconditions.matches("\"abc\"", "abc"));
        assertTrue(Preconditions.matches("W/\"abc\"", "abc"));
        assertTrue(Preconditions.matches("\"x\", \"abc\"", "abc"));
        assertTrue(Preconditions.matches("*", "abc"));
        assertFalse(Preconditions.matches("\"abcd\"", "abc"));
    }

    @Test
    void a_failing_if_match_or_if_unmodified_since_answers_412() {
        assertEquals(412, status(Map.of("If-Match", "\"other\"")));
        assertEquals(412, status(Map.of("If-Unmodified-Since", BEFORE)));
    }

    @Test
    void a_holding_if_match_overrides_a_failing_if_unmodified_since() {
        assertDoesNotThrow(() -> read(Map.of("If-Match", "\"abc\"", "If-Unmodified-Since", BEFORE)));
    }

    @Test
    void a_failing_if_none_match_answers_304_even_when_if_modified_since_holds() {
        assertEquals(304, status(Map.of("If-None-Match", "\"abc\"", "If-Modified-Since", BEFORE)));
    }

    @Test
    void if_modified_since_at_or_after_the_modification_answers_304_and_before_it_lets_the_read_through() {
        assertEquals(304, status(Map.of("If-Modified-Since", AT)));
        assertDoesNotThrow(() -> read(Map.of("If-Modified-Since", BEFORE)));
    }

    @Test
    void a_date_that_does_not_parse_is_ignored() {
        assertDoesNotThrow(() -> read(Map.of("If-Unmodified-Since", "yesterday")));
    }

    @Test
    void a_copy_source_that_is_not_modified_fails_with_412_rather_than_304() {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("x-amz-copy-source-If-None-Match", "\"abc\"");

        ObjectStoreException e = assertThrows(ObjectStoreException.class,
                () -> Preconditions.copySource(headers::get, "bkt").accept(OBJECT));

        assertEquals(412, e.httpStatus());
    }

    private static void read(Map<String, String> given) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(given);
        Preconditions.read(headers::get, "bkt").accept(OBJECT);
    }

    private static int status(Map<String, String> headers) {
        return assertThrows(ObjectStoreException.class, () -> read(headers)).httpStatus();
    }
}
