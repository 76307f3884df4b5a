package io.mirrordrill.scenario.workload;

import java.util.Arrays;

/** A record is one line of exactly {@code size} bytes: its number, a space, padding, a newline. */
public final class RecordFormat {
    /** What fills a record after its number. */
    static final byte PAD = 'x';

    private RecordFormat() {
    }

    /**
     * Records {@code from..to} (inclusive) as consecutive lines. A workload writes every record through here: one
     * padded line is copied over the whole buffer, and the number is counted up in its decimal digits (no division
     * per record).
     */
    public static byte[] lines(long from, long to, int size) {
        int count = (int) (to - from + 1);
        byte[] out = new byte[count * size];
        if (out.length == 0) {
            return out;
        }
        Arrays.fill(out, 0, size, PAD);
        out[size - 1] = '\n';
        for (int filled = size; filled < out.length; filled *= 2) {
            System.arraycopy(out, 0, out, filled, Math.min(filled, out.length - filled));
        }
        byte[] digits = new byte[20];
        int length = digits(from, digits);
        for (int i = 0; i < count; i++) {
            int at = i * size;
            int kept = Math.min(length, size - 2);
            System.arraycopy(digits, digits.length - length, out, at, kept);
            out[at + kept] = ' ';
            length = increment(digits, length);
        }
        return out;
    }

    /** Adds one to the number whose {@code length} digits end {@code digits}; returns its new length. */
    private static int increment(byte[] digits, int length) {
        for (int i = digits.length - 1; ; i--) {
            if (i < digits.length - length) {
                digits[i] = '1';
                return length + 1;
            }
            if (digits[i] != '9') {
                digits[i]++;
                return length;
            }
            digits[i] = '0';
        }
    }

    /** Writes a non-negative number's decimal digits at the end of {@code into}; returns how many. */
    private static int digits(long number, byte[] into) {
        int at = into.length;
        long n = number;
        do {
            into[--at] = (byte) ('0' + n % 10);
            n /= 10;
        } while (n > 0);
        return into.length - at;
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
