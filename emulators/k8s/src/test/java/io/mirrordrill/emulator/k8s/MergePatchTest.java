package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MergePatchTest {

    /** The examples of RFC 7386, appendix A. */
    @ParameterizedTest(name = "{0} patched with {1} is {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"a\":\"b\"}            | {\"a\":\"c\"}            | {\"a\":\"c\"}",
            "{\"a\":\"b\"}            | {\"b\":\"c\"}            | {\"a\":\"b\",\"b\":\"c\"}",
            "{\"a\":\"b\"}            | {\"a\":null}             | {}",
            "{\"a\":\"b\",\"b\":\"c\"} | {\"a\":null}             | {\"b\":\"c\"}",
            "{\"a\":[\"b\"]}          | {\"a\":\"c\"}            | {\"a\":\"c\"}",
            "{\"a\":\"c\"}            | {\"a\":[\"b\"]}          | {\"a\":[\"b\"]}",
            "{\"a\":{\"b\":\"c\"}}    | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
            "{\"a\":[{\"b\":\"c\"}]}  | {\"a\":[1]}              | {\"a\":[1]}",
            "[\"a\",\"b\"]            | [\"c\",\"d\"]            | [\"c\",\"d\"]",
            "{\"a\":\"b\"}            | [\"c\"]                  | [\"c\"]",
            "{\"a\":\"foo\"}          | null                     | null",
            "{\"a\":\"foo\"}          | \"bar\"                  | \"bar\"",
            "{\"e\":null}             | {\"a\":1}                | {\"e\":null,\"a\":1}",
            "[1,2]                    | {\"a\":\"b\",\"c\":null} | {\"a\":\"b\"}",
            "{}                       | {\"a\":{\"bb\":{\"ccc\":null}}} | {\"a\":{\"bb\":{}}}"})
    void rfc7386ExamplesHold(String target, String patch, String expected) throws Exception {
        JsonNode result = MergePatch.apply(json(target), json(patch));
        assertEquals(json(expected), result);
    }

    private static JsonNode json(String text) throws Exception {
        return Resources.mapper().readTree(text.trim());
    }
}
