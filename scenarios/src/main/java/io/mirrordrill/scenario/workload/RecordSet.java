package io.mirrordrill.scenario.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A set of record numbers as sorted, disjoint, non-adjacent ranges: compact for millions of records. */
public final class RecordSet {
    private long[] starts = new long[8];
    private long[] ends = new long[8];  // inclusive
    private int size;
    private long count;

    public static RecordSet of(long... records) {
        RecordSet s = new RecordSet();
        for (long r : records) {
            s.add(r, r);
        }
        return s;
    }

    /** Adds {@code [from, to]}; fast when ranges come in ascending order. */
    public void add(long from, long to) {
        if (to < from) {
            return;
        }
        if (size == 0 || from > ends[size - 1] + 1) {
            append(from, to);
            return;
        }
        if (from >= starts[size - 1]) {
            long newEnd = Math.max(ends[size - 1], to);
            count += newEnd - ends[size - 1];
            ends[size - 1] = newEnd;
            return;
        }
        RecordSet single = new RecordSet();
        single.append(from, to);
        replaceWith(merge(this, single));
    }

    public void addAll(RecordSet other) {
        if (other.size == 0) {
            return;
        }
        if (size == 0 || other.starts[0] > ends[size - 1] + 1) {
            for (int i = 0; i < other.size; i++) {
                append(other.starts[i], other.ends[i]);
            }
            return;
        }
        replaceWith(merge(this, other));
    }

    /** The union of two sets in one pass over both. */
    private static RecordSet merge(RecordSet a, RecordSet b) {
        RecordSet out = new RecordSet();
        int i = 0;
        int j = 0;
        while (i < a.size || j < b.size) {
            boolean fromA = j >= b.size || (i < a.size && a.starts[i] <= b.starts[j]);
            long from = fromA ? a.starts[i] : b.starts[j];
            long to = fromA ? a.ends[i++] : b.ends[j++];
            if (out.size > 0 && from <= out.ends[out.size - 1] + 1) {
                if (to > out.ends[out.size - 1]) {
                    out.count += to - out.ends[out.size - 1];
                    out.ends[out.size - 1] = to;
                }
            } else {
                out.append(from, to);
            }
        }
        return out;
    }

    private void replaceWith(RecordSet other) {
        starts = other.starts;
        ends = other.ends;
        size = other.size;
        count = other.count;
    }

    private void append(long from, long to) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = from;
        ends[size] = to;
        size++;
        count += to - from + 1;
    }

    public long count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public boolean contains(long record) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (record < starts[mid]) {
                hi = mid - 1;
            } else if (record > ends[mid]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** The records of this set that {@code other} lacks. */
    public RecordSet minus(RecordSet other) {
        RecordSet out = new RecordSet();
        for (int i = 0; i < size; i++) {
            long from = starts[i];
            for (int j = other.firstEndingAtOrAfter(from); j < other.size && other.starts[j] <= ends[i]; j++) {
                if (other.starts[j] > from) {
                    out.add(from, other.starts[j] - 1);
                }
                from = Math.max(from, other.ends[j] + 1);
            }
            if (from <= ends[i]) {
                out.add(from, ends[i]);
            }
        }
        return out;
    }

    public RecordSet intersect(RecordSet other) {
        return minus(minus(other));
    }

    private int firstEndingAtOrAfter(long record) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] < record) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The highest record, or 0 when empty. */
    public long max() {
        return size == 0 ? 0 : ends[size - 1];
    }

    public List<long[]> ranges() {
        List<long[]> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new long[] {starts[i], ends[i]});
        }
        return out;
    }

    /** {@code 1-3,5,9-12}, shortened to the first {@code max} ranges. */
    public String describe(int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(size, max); i++) {
            out.append(i == 0 ? "" : ",").append(starts[i]);
            if (ends[i] != starts[i]) {
                out.append('-').append(ends[i]);
            }
        }
        if (size > max) {
            out.append(",... (").append(size - max).append(" more ranges)");
        }
        return size == 0 ? "none" : out.toString();
    }

    @Override
    public String toString() {
        return describe(20);
    }
}
