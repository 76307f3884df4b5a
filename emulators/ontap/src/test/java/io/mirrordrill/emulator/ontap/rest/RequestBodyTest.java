package io.mirrordrill.emulator.ontap.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.port.ontap.OntapException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBodyTest {
    private static RequestBody body(String json) {
        return RequestBody.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nested_dotted_and_mixed_keys_flatten_to_the_same_paths() {
        RequestBody nested = body("{\"restore_to\":{\"snapshot\":{\"name\":\"s1\",\"force\":true}}}");
        RequestBody dotted = body("{\"restore_to.snapshot.name\":\"s1\",\"restore_to.snapshot.force\":true}");
        RequestBody mixed = body("{\"restore_to\":{\"snapshot.name\":\"s1\"},\"restore_to.snapshot\":{\"force\":true}}");

        for (RequestBody b : List.of(nested, dotted, mixed)) {
            assertEquals("s1", b.text("restore_to.snapshot.name"));
            assertTrue(b.bool("restore_to.snapshot.force", false));
        }
    }

    @Test
    void arrays_stay_values_and_arrays_of_objects_flatten_per_element() {
        RequestBody b = body("{\"remote\":{\"ip_addresses\":[\"a\",\"b\"]},\"cron\":{\"minutes\":[0,30]},"
                + "\"retention\":[{\"label\":\"daily\",\"count\":7}]}");

        assertEquals(List.of("a", "b"), b.texts("remote.ip_addresses"));
        assertEquals(List.of(0, 30), b.integers("cron.minutes"));
        assertEquals(List.of(), b.integers("cron.hours"));
        assertEquals("daily", b.objects("retention").get(0).text("label"));
        assertEquals(7, b.objects("retention").get(0).number("count", 0));
    }

    @Test
    void an_unknown_field_is_262179_a_wrong_type_262197_and_a_duplicate_code_2_each_naming_the_field() {
        OntapException type = assertThrows(OntapException.class, () -> body("{\"name\":5}").text("name"));
        OntapException unknown = assertThrows(OntapException.class, () -> body("{\"nme\":\"x\"}").only("name"));
        OntapException twice = assertThrows(OntapException.class,
                () -> body("{\"svm\":{\"name\":\"a\"},\"svm.name\":\"a\"}"));

        for (OntapException e : List.of(type, unknown, twice)) {
            assertEquals(400, e.httpStatus());
        }
        assertEquals("262197", type.code());
        assertEquals("\"5\" is an invalid value for field \"name\"", type.getMessage());
        assertEquals("name", type.target());
        assertEquals("262179", unknown.code());
        assertEquals("Unexpected argument \"nme\".", unknown.getMessage());
        assertEquals("nme", unknown.target());
        assertEquals("2", twice.code());
        assertEquals("svm.name", twice.target());
    }

    @Test
    void an_empty_body_has_no_fields_and_query_fields_join_it_unless_given_twice() {
        RequestBody empty = RequestBody.parse(new byte[0]);
        assertFalse(empty.has("name"));
        assertNull(empty.text("name"));

        RequestBody merged = empty.withQueryFields(Map.of("restore_to.snapshot.name", List.of("s1")),
                List.of("restore_to.snapshot.name", "restore_to.snapshot.force"));
        assertEquals("s1", merged.text("restore_to.snapshot.name"));
        assertThrows(OntapException.class, () -> body("{\"restore_to.snapshot.name\":\"s2\"}")
                .withQueryFields(Map.of("restore_to.snapshot.name", List.of("s1")), List.of("restore_to.snapshot.name")));
    }
}
