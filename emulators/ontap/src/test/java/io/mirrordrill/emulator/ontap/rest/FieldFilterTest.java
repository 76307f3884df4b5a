package io.mirrordrill.emulator.ontap.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class FieldFilterTest {
    private static final JsonNode SNAPSHOT = json("{\"name\":\"snapmirror.abc_1.2026\",\"size\":8192,"
            + "\"owners\":[\"snapmirror_dependent\"],\"svm\":{\"name\":\"svm1\"},\"healthy\":true,"
            + "\"unhealthy_reason\":[{\"code\":\"13303891\"},{\"code\":\"6619546\"}]}");

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
}
