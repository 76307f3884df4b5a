package io.mirrordrill.emulator.s3;

import java.util.Comparator;

/**
 * S3 lists keys in UTF-8 binary order. Java's {@code String.compareTo} compares UTF-16 units, which disagrees for
 * characters above U+FFFF against U+E000..U+FFFF; comparing code points gives exactly the UTF-8 byte order. Keys share
 * long prefixes (an archive's folder), so the common case compares UTF-16 units and turns to code points only when
 * the first difference involves a surrogate, the one place where the two orders can disagree.
 */
final class KeyOrder implements Comparator<String> {
    static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {}

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                return Character.isSurrogate(ca) || Character.isSurrogate(cb) ? byCodePoints(a, b)
                        : Integer.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    static int byCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
