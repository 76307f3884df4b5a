package io.mirrordrill.scenario.workload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A record is one line of exactly {@code size} bytes: its number, a space, padding, a newline. */
public final class RecordFormat {
    private RecordFormat() {
    }

    /** Records {@code from..to} (inclusive) as consecutive lines. */
    public static byte[] lines(long from, long to, int size) {
        int count = (int) (to - from + 1);
        byte[] out = new byte[count * size];
        Arrays.fill(out, (byte) 'x');
        for (int i = 0; i < count; i++) {
            byte[] number = Long.toString(from + i).getBytes(StandardCharsets.US_ASCII);
            int at = i * size;
            System.arraycopy(number, 0, out, at, Math.min(number.length, size - 2));
            out[at + Math.min(number.length, size - 2)] = ' ';
            out[at + size - 1] = '\n';
        }
        return out;
    }

    /** The record numbers in a file's bytes; a torn last line (no newline) is not a record. */
    public static RecordSet parse(byte[] data) {
        RecordSet set = new RecordSet();
        long runStart = -1;
        long runEnd = -2;
        int at = 0;
        while (at < data.length) {
            long number = 0;
            int digitsEnd = at;
            while (digitsEnd < data.length && data[digitsEnd] >= '0' && data[digitsEnd] <= '9') {
                number = number * 10 + (data[digitsEnd] - '0');
                digitsEnd++;
            }
            int newline = Lines.next(data, digitsEnd);
            if (newline < 0) {
                break; // torn
            }
            if (digitsEnd > at) {
                if (number == runEnd + 1) {
                    runEnd = number;
                } else {
                    set.add(runStart, runEnd);
                    runStart = number;
                    runEnd = number;
                }
            }
            at = newline + 1;
        }
        set.add(runStart, runEnd);
        return set;
    }
}
