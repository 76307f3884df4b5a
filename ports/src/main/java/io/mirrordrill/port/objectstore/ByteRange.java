package io.mirrordrill.port.objectstore;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP byte range as S3 accepts it: {@code bytes=first-last}, {@code bytes=first-} or the suffix form
 * {@code bytes=-n} (the last n bytes). {@code first == null} means the suffix form with {@code last} as its length;
 * {@code last == null} means "to the end".
 */
public record ByteRange(Long first, Long last) {
    private static final Pattern HEADER = Pattern.compile("bytes=(\\d*)-(\\d*)");

    public ByteRange {
        if (first == null && last == null) {
            throw new IllegalArgumentException("a byte range needs a first byte or a suffix length");
        }
        if ((first != null && first < 0) || (last != null && last < 0)) {
            throw new IllegalArgumentException("byte positions are not negative: " + first + "-" + last);
        }
        if (first != null && last != null && last < first) {
            throw new IllegalArgumentException("byte range ends before it starts: " + first + "-" + last);
        }
    }

    /** Bytes {@code first} to {@code last}, both included. */
    public static ByteRange between(long first, long last) {
        return new ByteRange(first, last);
    }

    /** From {@code first} to the end. */
    public static ByteRange from(long first) {
        return new ByteRange(first, null);
    }

    /** The last {@code length} bytes. */
    public static ByteRange lastBytes(long length) {
        return new ByteRange(null, length);
    }

    /** The {@code Range} header value. */
    public String header() {
        return "bytes=" + (first == null ? "" : first) + "-" + (last == null ? "" : last);
    }

    /**
     * Parses a {@code Range} header; null when S3 would ignore it (malformed or several ranges) and serve the whole
     * object.
     */
    public static ByteRange parse(String header) {
        Matcher m = header == null ? null : HEADER.matcher(header.trim());
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        try {
            Long first = m.group(1).isEmpty() ? null : Long.valueOf(m.group(1));
            Long last = m.group(2).isEmpty() ? null : Long.valueOf(m.group(2));
            return first != null && last != null && last < first ? null : new ByteRange(first, last);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The absolute {@code [start, endInclusive]} this range selects in an object of {@code size} bytes, cut at the
     * end as S3 does; null when it selects nothing, which S3 answers with 416 InvalidRange.
     */
    public long[] resolve(long size) {
        if (first == null) {
            return last == 0 || size == 0 ? null : new long[] {Math.max(0, size - last), size - 1};
        }
        if (first >= size) {
            return null;
        }
        return new long[] {first, last == null ? size - 1 : Math.min(last, size - 1)};
    }
}
