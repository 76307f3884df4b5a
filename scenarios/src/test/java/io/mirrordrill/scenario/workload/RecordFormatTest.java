package io.mirrordrill.scenario.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordFormatTest {
    private static RecordSet parse(String text) {
        return RecordFormat.parse(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void linesWrittenAreTheRecordsRead() {
        for (int size : new int[] {6, 8, 9, 17, 64, 100, 4095, 4096, 4097, 8193, 262_144}) {
            RecordSet read = RecordFormat.parse(RecordFormat.lines(995, 1_012, size));
            assertEquals("995-1012", read.toString(), "record size " + size);
        }
    }

    @Test
    void numbersCountUpAcrossDigitLengthsAndAreCutToTheRecord() {
        assertEquals("8 xxx\n9 xxx\n10 xx\n11 xx\n", new String(RecordFormat.lines(8, 11, 6), StandardCharsets.US_ASCII));
        assertEquals("999 \n100 \n", new String(RecordFormat.lines(99_999, 100_000, 5), StandardCharsets.US_ASCII));
        assertEquals("8-100001", RecordFormat.parse(RecordFormat.lines(8, 100_001, 9)).toString());
        assertEquals(0, RecordFormat.lines(5, 4, 64).length);
    }

    @Test
    void aTornLastLineIsNotARecord() {
        byte[] lines = RecordFormat.lines(1, 20, 16);
        byte[] torn = java.util.Arrays.copyOf(lines, lines.length - 3);
        assertEquals("1-19", RecordFormat.parse(torn).toString());
        assertEquals("none", parse("7 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").toString());
    }

    @Test
    void onlyLinesStartingWithDigitsCountAndGapsSplitRuns() {
        assertEquals("1-2,5,9", parse("1 a\n2\n\nx3\n 4\n5 6 7\n9xxxxxxxxxxxxxxxxxxxxxxx\nzz").toString());
    }

    @Test
    void aNewlineOrOtherByteInsidePaddingIsSeen() {
        String pad = "x".repeat(5000);
        assertEquals("7-8", parse("7 " + pad + "\n8 " + pad + "\n").toString());
        assertEquals("7,9", parse("7 " + pad + "\n" + pad + "y" + pad + "\n9 " + pad + "\n").toString());
    }

    @Test
    void newlinesAreFoundAtEveryOffsetOfAWord() {
        for (int pad = 0; pad < 20; pad++) {
            String line = "42" + "x".repeat(pad) + "\n";
            assertEquals("42-43", parse(line + line.replace("42", "43")).toString(), "padding " + pad);
        }
    }
}
