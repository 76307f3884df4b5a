package io.mirrordrill.scenario.workload;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds newlines eight bytes at a time: invariants read every record of every volume after each step, so a day's
 * files (hundreds of megabytes) are scanned often, and most of each record is padding between two newlines.
 */
final class Lines {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Lines() {
    }

    /** The index of the first {@code '\n'} at or after {@code from}, or -1. */
    static int next(byte[] data, int from) {
        int i = from;
        for (; i + Long.BYTES <= data.length; i += Long.BYTES) {
            long word = (long) LONGS.get(data, i) ^ NEWLINES; // a newline byte becomes zero
            long zeros = (word - ONES) & ~word & HIGHS;        // exact for the lowest zero byte
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < data.length; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
