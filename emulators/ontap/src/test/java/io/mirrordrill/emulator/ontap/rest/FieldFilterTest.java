package io.mirrordrill.emulator.ontap.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class FieldFilterTest {
    private static final JsonNode SNAPSHOT = json("{\"name\":\"snapmirror.abc_1.2026\",\"size\":8192,"
            + "\"owners\":[\"snapmirror_dependent\"],\"svm\":{\"name\":\"svm1\"},\"healthy\":true,"
            + "\"unhealthy_reason\":[{\"code\":\"13303891\"},{\"code\":\"6619546\"}],\"lag_time\":\"PT9M5S\","
            + "\"create_time\":\"2026-01-01T00:05:00+00:00\"}");

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean matches(String field, String expression) {
        return new FieldFilter(field, expression).matches(SNAPSHOT);
    }

    @Test
    void an_exact_value_matches_only_itself_and_case_counts() {
        assertTrue(matches("svm.name", "svm1"));
        assertFalse(matches("svm.name", "svm"));
        assertFalse(matches("svm.name", "SVM1"));
    }

    @Test
    void a_star_matches_any_run_of_characters_and_regex_characters_are_literal() {
        assertTrue(matches("name", "snapmirror.*"));
        assertTrue(matches("name", "*_1.*"));
        assertTrue(matches("name", "*"));
        assertFalse(matches("name", "snapmirror.abc_1+2026"));
        assertFalse(matches("name", "snapmirror?abc*"));
    }

    @Test
    void alternatives_negations_and_comparisons_combine_like_ontap_queries() {
        assertTrue(matches("svm.name", "svm2|svm1"));
        assertTrue(matches("svm.name", "!svm2"));
        assertFalse(matches("svm.name", "!svm*"));
        assertTrue(matches("size", ">4096"));
        assertTrue(matches("size", "<=8192"));
        assertFalse(matches("size", "<8192"));
        assertTrue(matches("size", ">=10000|8192"));
    }

    @Test
    void a_field_inside_an_array_matches_when_any_element_does() {
        assertTrue(matches("owners", "snapmirror_dependent"));
        assertTrue(matches("unhealthy_reason.code", "6619546"));
        assertFalse(matches("unhealthy_reason.code", "1"));
    }

    @Test
    void booleans_and_absent_fields_compare_as_text() {
        assertTrue(matches("healthy", "true"));
        assertFalse(matches("comment", "*"));
        assertTrue(matches("comment", "!x"));
    }

    @Test
    void durations_compare_by_length_not_as_text_and_a_bare_day_count_is_accepted() {
        assertTrue(matches("lag_time", ">PT10S"), "PT9M5S is longer than PT10S although it sorts before it");
        assertTrue(matches("lag_time", "<PT10M"));
        assertFalse(matches("lag_time", ">P1DT"));
        assertTrue(matches("lag_time", "<P1D"));
    }

    @Test
    void times_compare_by_instant_whatever_offset_they_are_written_with() {
        assertTrue(matches("create_time", ">2026-01-01T00:04:59Z"));
        assertTrue(matches("create_time", "<2026-01-01T01:00:00+01:00|2026-01-01T00:05:00+00:00"));
        assertFalse(matches("create_time", "<2026-01-01T00:05:00Z"));
        assertTrue(matches("create_time", ">=2026-01-01T00:05:00Z"));
    }
}
