package io.mirrordrill.scenario.workload;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * Reads records files incrementally, remembering per file what was read. A records file only ever grows by whole
 * lines, each record number is written once, and a replica or a rollback yields a byte copy of some earlier state
 * of a file; so a file whose last complete line (read before) is still at the same offset with the same record
 * number is the old content plus what was appended since. Only the new lines are parsed, whatever a record's size;
 * any other change is read in full. A torn line at the end is not a record yet and is parsed again on the next read.
 */
public final class RecordFiles {
    /** A file as a reader sees it now. */
    public interface Source {
        long size();

        byte[] read(long offset, int length);

        static Source of(LongSupplier size, BiFunction<Long, Integer, byte[]> read) {
            return new Source() {
                @Override
                public long size() {
                    return size.getAsLong();
                }

                @Override
                public byte[] read(long offset, int length) {
                    return read.apply(offset, length);
                }
            };
        }
    }

    /** The start of a line: its record number and a little padding. */
    private static final int HEAD = 64;

    /** What was read: records up to {@code end} (just after a newline), and the last complete line's head. */
    private record Known(long end, long lastLineAt, byte[] lastLineHead, RecordSet records) {}

    private final Map<String, Known> known = new TreeMap<>();

    /** The records of the file {@code key} names, read from {@code file}. */
    public RecordSet records(String key, Source file) {
        long size = file.size();
        Known before = known.get(key);
        boolean grown = before != null && size >= before.end()
                && Arrays.equals(before.lastLineHead(), file.read(before.lastLineAt(), before.lastLineHead().length));
        long from = grown ? before.end() : 0;
        if (size == from) {
            return grown ? before.records() : new RecordSet();
        }
        byte[] added = file.read(from, (int) (size - from));
        RecordSet records = RecordFormat.parse(added);
        if (grown) {
            RecordSet all = new RecordSet();
            all.addAll(before.records());
            all.addAll(records);
            records = all;
        }
        int end = lastNewline(added, added.length) + 1;
        if (end > 0) {
            int lineAt = lastNewline(added, end - 1) + 1;
            known.put(key, new Known(from + end, from + lineAt,
                    Arrays.copyOfRange(added, lineAt, Math.min(end, lineAt + HEAD)), records));
        } else if (!grown) {
            known.remove(key); // no complete line yet
        }
        return records;
    }

    /** The index of the last newline before {@code end}, or -1. */
    private static int lastNewline(byte[] data, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
