package io.mirrordrill.scenario.workload;

import java.util.Arrays;

/**
 * Finds newlines fast: invariants read every record of every volume, so files of hundreds of megabytes are
 * scanned, and most of each record is padding between two newlines.
 */
final class Lines {
    private static final byte[] PADDING = new byte[4096];

    static {
        Arrays.fill(PADDING, RecordFormat.PAD);
    }

    private Lines() {
    }

    /** The index of the first {@code '\n'} at or after {@code from}, or -1. */
    static int next(byte[] data, int from) {
        int i = from;
        while (i < data.length) {
            byte b = data[i];
            if (b == '\n') {
                return i;
            }
            if (b == RecordFormat.PAD) {
                i = afterPadding(data, i);
            } else {
                i++;
            }
        }
        return -1;
    }

    /**
     * The end of a run of padding: compared with a block of padding, which the JIT turns into vector instructions
     * (large records are almost all padding); a newline inside the run is never skipped, being no padding byte.
     */
    private static int afterPadding(byte[] data, int from) {
        int i = from;
        while (i < data.length) {
            int chunk = Math.min(PADDING.length, data.length - i);
            int differs = Arrays.mismatch(data, i, i + chunk, PADDING, 0, chunk);
            if (differs >= 0) {
                return i + differs;
            }
            i += chunk;
        }
        return i;
    }
}
