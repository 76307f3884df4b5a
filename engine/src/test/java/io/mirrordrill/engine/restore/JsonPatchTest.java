package io.mirrordrill.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.port.MirrordrillException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6902 appendix A, example by example, then the edges of RFC 6901 pointers. */
class JsonPatchTest {
    private static JsonNode patched(String document, String patch) {
        return JsonPatch.apply(Yaml.node(document), JsonPatch.parse(patch));
    }

    private static void assertPatched(String document, String patch, String expected) {
        JsonNode before = Yaml.node(document);
        JsonNode result = JsonPatch.apply(before, JsonPatch.parse(patch));
        assertEquals(Yaml.node(expected), result);
        assertEquals(Yaml.node(document), before, "the input document is never changed");
    }

    private static PatchException failure(String document, String patch) {
        JsonNode before = Yaml.node(document);
        PatchException e = assertThrows(PatchException.class, () -> JsonPatch.apply(before, JsonPatch.parse(patch)));
        assertEquals(Yaml.node(document), before, "a failed patch changes nothing");
        return e;
    }

    @Test
    void a1AddingAnObjectMember() {
        assertPatched("{\"foo\": \"bar\"}", "[{\"op\": \"add\", \"path\": \"/baz\", \"value\": \"qux\"}]",
                "{\"baz\": \"qux\", \"foo\": \"bar\"}");
    }

    @Test
    void a2AddingAnArrayElement() {
        assertPatched("{\"foo\": [\"bar\", \"baz\"]}", "[{\"op\": \"add\", \"path\": \"/foo/1\", \"value\": \"qux\"}]",
                "{\"foo\": [\"bar\", \"qux\", \"baz\"]}");
    }

    @Test
    void a3RemovingAnObjectMember() {
        assertPatched("{\"baz\": \"qux\", \"foo\": \"bar\"}", "[{\"op\": \"remove\", \"path\": \"/baz\"}]",
                "{\"foo\": \"bar\"}");
    }

    @Test
    void a4RemovingAnArrayElement() {
        assertPatched("{\"foo\": [\"bar\", \"qux\", \"baz\"]}", "[{\"op\": \"remove\", \"path\": \"/foo/1\"}]",
                "{\"foo\": [\"bar\", \"baz\"]}");
    }

    @Test
    void a5ReplacingAValue() {
        assertPatched("{\"baz\": \"qux\", \"foo\": \"bar\"}",
                "[{\"op\": \"replace\", \"path\": \"/baz\", \"value\": \"boo\"}]", "{\"baz\": \"boo\", \"foo\": \"bar\"}");
    }

    @Test
    void a6MovingAValue() {
        assertPatched("{\"foo\": {\"bar\": \"baz\", \"waldo\": \"fred\"}, \"qux\": {\"corge\": \"grault\"}}",
                "[{\"op\": \"move\", \"from\": \"/foo/waldo\", \"path\": \"/qux/thud\"}]",
                "{\"foo\": {\"bar\": \"baz\"}, \"qux\": {\"corge\": \"grault\", \"thud\": \"fred\"}}");
    }

    @Test
    void a7MovingAnArrayElement() {
        assertPatched("{\"foo\": [\"all\", \"grass\", \"cows\", \"eat\"]}",
                "[{\"op\": \"move\", \"from\": \"/foo/1\", \"path\": \"/foo/3\"}]",
                "{\"foo\": [\"all\", \"cows\", \"eat\", \"grass\"]}");
    }

    @Test
    void a8TestingAValueSuccess() {
        assertPatched("{\"baz\": \"qux\", \"foo\": [\"a\", 2, \"c\"]}", """
                [{"op": "test", "path": "/baz", "value": "qux"},
                 {"op": "test", "path": "/foo/1", "value": 2}]""", "{\"baz\": \"qux\", \"foo\": [\"a\", 2, \"c\"]}");
    }

    @Test
    void a9TestingAValueError() {
        PatchException e = failure("{\"baz\": \"qux\"}", "[{\"op\": \"test\", \"path\": \"/baz\", \"value\": \"bar\"}]");
        assertEquals("operation 0 (test /baz): test failed: the value at /baz is not the expected value. Fix: correct"
                + " the expected value, or restrict the operation to the resources it holds for", e.getMessage());
    }

    @Test
    void a10AddingANestedMemberObject() {
        assertPatched("{\"foo\": \"bar\"}", "[{\"op\": \"add\", \"path\": \"/child\", \"value\": {\"grandchild\": {}}}]",
                "{\"foo\": \"bar\", \"child\": {\"grandchild\": {}}}");
    }

    @Test
    void a11IgnoringUnrecognizedElements() {
        assertPatched("{\"foo\": \"bar\"}", "[{\"op\": \"add\", \"path\": \"/baz\", \"value\": \"qux\", \"xyz\": 123}]",
                "{\"foo\": \"bar\", \"baz\": \"qux\"}");
    }

    @Test
    void a12AddingToANonexistentTarget() {
        PatchException e = failure("{\"foo\": \"bar\"}", "[{\"op\": \"add\", \"path\": \"/baz/bat\", \"value\": \"qux\"}]");
        assertEquals(0, e.index());
        assertEquals("/baz/bat", e.path());
        assertEquals("path /baz/bat does not exist (nothing at /baz)", e.reason());
    }

    @Test
    void a13AnOperationWithTwoOpMembersIsAnInvalidDocument() {
        MirrordrillException e = assertThrows(MirrordrillException.class, () -> JsonPatch.parse(
                "[{\"op\": \"add\", \"path\": \"/baz\", \"value\": \"qux\", \"op\": \"remove\"}]"));
        assertTrue(e.getMessage().startsWith("not a JSON Patch document: Duplicate field 'op'"), e.getMessage());
    }

    @Test
    void a14TildeEscapesAreDecodedInOrder() {
        assertPatched("{\"/\": 9, \"~1\": 10}", "[{\"op\": \"test\", \"path\": \"/~01\", \"value\": 10}]",
                "{\"/\": 9, \"~1\": 10}");
    }

    @Test
    void a15AStringIsNotEqualToANumber() {
        PatchException e = failure("{\"/\": 9, \"~1\": 10}", "[{\"op\": \"test\", \"path\": \"/~01\", \"value\": \"10\"}]");
        assertEquals("/~01", e.path());
    }

    @Test
    void a16AddingAnArrayValue() {
        assertPatched("{\"foo\": [\"bar\"]}", "[{\"op\": \"add\", \"path\": \"/foo/-\", \"value\": [\"abc\", \"def\"]}]",
                "{\"foo\": [\"bar\", [\"abc\", \"def\"]]}");
    }

    @Test
    void tildeOneIsASlashInsideAKey() {
        assertPatched("{\"a/b\": 1}", "[{\"op\": \"replace\", \"path\": \"/a~1b\", \"value\": 2}]", "{\"a/b\": 2}");
    }

    @Test
    void copyDuplicatesAValueAndLaterChangesDoNotShareIt() {
        assertPatched("{\"a\": {\"x\": 1}}", """
                [{"op": "copy", "from": "/a", "path": "/b"}, {"op": "replace", "path": "/b/x", "value": 2}]""",
                "{\"a\": {\"x\": 1}, \"b\": {\"x\": 2}}");
    }

    @Test
    void theEmptyPointerAddressesTheWholeDocument() {
        assertPatched("{\"a\": 1}", "[{\"op\": \"replace\", \"path\": \"\", \"value\": {\"b\": 2}}]", "{\"b\": 2}");
        assertPatched("{\"a\": 1}", "[{\"op\": \"test\", \"path\": \"\", \"value\": {\"a\": 1.0}}]", "{\"a\": 1}");
    }

    @Test
    void testComparesObjectsWithoutMemberOrderAndArraysInOrder() {
        assertPatched("{\"a\": {\"x\": 1, \"y\": [1, 2]}}",
                "[{\"op\": \"test\", \"path\": \"/a\", \"value\": {\"y\": [1, 2], \"x\": 1}}]",
                "{\"a\": {\"x\": 1, \"y\": [1, 2]}}");
        failure("{\"a\": [1, 2]}", "[{\"op\": \"test\", \"path\": \"/a\", \"value\": [2, 1]}]");
    }

    @Test
    void aFailingOperationLeavesEarlierOperationsUnapplied() {
        PatchException e = failure("{\"a\": 1}", """
                [{"op": "add", "path": "/b", "value": 2}, {"op": "remove", "path": "/missing"}]""");
        assertEquals(1, e.index());
        assertEquals("remove", e.op());
    }

    @Test
    void movingAValueIntoItsOwnChildIsRefused() {
        PatchException e = failure("{\"a\": {\"b\": 1}}", "[{\"op\": \"move\", \"from\": \"/a\", \"path\": \"/a/b/c\"}]");
        assertEquals("cannot move /a into its own child", e.reason());
    }

    @Test
    void movingAValueOntoItselfChangesNothing() {
        assertPatched("{\"a\": 1}", "[{\"op\": \"move\", \"from\": \"/a\", \"path\": \"/a\"}]", "{\"a\": 1}");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "add     | /a/01     | '\"01\" is not an index from 0 to 2 (or -) of the array at /a'",
        "add     | /a/3      | '\"3\" is not an index from 0 to 2 (or -) of the array at /a'",
        "add     | /a/-1     | '\"-1\" is not an index from 0 to 2 (or -) of the array at /a'",
        "replace | /a/-      | 'path /a/- does not exist (nothing at /a/-)'",
        "remove  | /a/2      | 'path /a/2 does not exist (nothing at /a/2)'",
        "replace | /nope     | 'path /nope does not exist (nothing at /nope)'",
        "add     | /s/x      | '/s is not an object or an array'",
        "add     | a/b       | 'path \"a/b\" is not a JSON Pointer: a JSON Pointer starts with ''/'''",
        "add     | /a~2      | 'path \"/a~2\" is not a JSON Pointer: ''~'' must be followed by 0 or 1 (write ~0 for ''~'', ~1 for ''/'')'",
        "remove  | ''        | 'cannot remove the whole document'",
        "upsert  | /a        | '\"upsert\" is not an RFC 6902 operation'"
    })
    void badPathsAndIndexesAreRefusedWithTheReason(String op, String path, String reason) {
        String patch = "[{\"op\": \"" + op + "\", \"path\": \"" + path + "\", \"value\": 0}]";
        assertEquals(reason, failure("{\"a\": [1, 2], \"s\": \"text\"}", patch).reason());
    }

    @Test
    void valueIsRequiredForAddReplaceAndTestButNullIsAValue() {
        assertEquals("value is missing", failure("{}", "[{\"op\": \"add\", \"path\": \"/a\"}]").reason());
        assertPatched("{}", "[{\"op\": \"add\", \"path\": \"/a\", \"value\": null}]", "{\"a\": null}");
    }

    @Test
    void fromIsRequiredForMoveAndCopy() {
        assertEquals("from is missing", failure("{\"a\": 1}", "[{\"op\": \"copy\", \"path\": \"/b\"}]").reason());
    }
}
