package io.mirrordrill.engine.hooks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputTailTest {

    @Test
    void shortOutputIsKeptWhole() {
        assertEquals("one\ntwo\n", OutputTail.of("one\ntwo\n"));
        assertEquals("no newline", OutputTail.of("no newline"));
    }

    @Test
    void blankOutputIsKeptAsNothing() {
        assertNull(OutputTail.of(null));
        assertNull(OutputTail.of(" \n\n"));
    }

    @Test
    void onlyTheLastTwentyLinesAreKeptAndTheCutIsMarked() {
        String output = IntStream.rangeClosed(1, 25).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
        String tail = OutputTail.of(output);
        assertEquals("..." + IntStream.rangeClosed(6, 25).mapToObj(i -> "line " + i + "\n")
                .collect(Collectors.joining()), tail);
    }

    @Test
    void exactlyTwentyLinesAreNotCut() {
        String output = IntStream.rangeClosed(1, 20).mapToObj(i -> "l" + i).collect(Collectors.joining("\n"));
        assertEquals(output, OutputTail.of(output));
    }

    @Test
    void aLongLineIsCutToItsLastKibibyteWithoutSplittingACharacter() {
        String output = "é".repeat(1000) + "end";
        String tail = OutputTail.of(output);
        assertTrue(tail.startsWith("...é") && tail.endsWith("end"), tail);
        byte[] kept = tail.substring(3).getBytes(StandardCharsets.UTF_8);
        assertTrue(kept.length <= OutputTail.MAX_BYTES && kept.length >= OutputTail.MAX_BYTES - 1, "" + kept.length);
        assertEquals(-1, tail.indexOf('\uFFFD'), "no broken character");
    }

    @Test
    void theExcerptIsTheFirstLineOfStderrElseOfStdout() {
        assertEquals("psql: connection refused", OutputTail.excerpt("starting\n", "\npsql: connection refused\nmore"));
        assertEquals("starting", OutputTail.excerpt("  starting  \ndone\n", null));
        assertNull(OutputTail.excerpt(null, " "));
    }

    @Test
    void aLongExcerptIsCut() {
        String excerpt = OutputTail.excerpt("x".repeat(500), null);
        assertEquals("x".repeat(OutputTail.EXCERPT) + "...", excerpt);
    }
}
