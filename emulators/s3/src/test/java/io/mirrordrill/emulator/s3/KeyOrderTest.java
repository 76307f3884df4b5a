package io.mirrordrill.emulator.s3;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyOrderTest {
    /** Shared prefixes and the characters where UTF-16 and code point order part: surrogates, U+E000..U+FFFF. */
    private static final String[] PIECES = {"app_1/", "a", "b", "/", "\uE000", "\uFFFF", "\uD83D\uDE00",
            "\uD800\uDC00", "\uDBFF\uDFFF", "\u00E9", "\u07FF", "\uD800", "\uDC00", ""};

    @Test
    void theUnitComparisonAgreesWithCodePointsOnEveryPairOfKeys() {
        Random random = new Random(17);
        for (int n = 0; n < 50_000; n++) {
            String a = key(random);
            String b = random.nextInt(4) == 0 ? a + key(random) : key(random);
            assertEquals(Integer.signum(KeyOrder.byCodePoints(a, b)), Integer.signum(KeyOrder.INSTANCE.compare(a, b)),
                    () -> Arrays.toString(a.toCharArray()) + " vs " + Arrays.toString(b.toCharArray()));
        }
    }

    @Test
    void wellFormedKeysSortInUtf8ByteOrder() {
        String[] keys = {"a\uFFFF", "a\uD83D\uDE00", "a\uE000", "a", "ab", "a/", "\u00E9"};
        String[] byOrder = keys.clone();
        Arrays.sort(byOrder, KeyOrder.INSTANCE);
        String[] byBytes = keys.clone();
        Arrays.sort(byBytes, (x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8),
                y.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Arrays.asList(byBytes), Arrays.asList(byOrder));
    }

    private static String key(Random random) {
        StringBuilder s = new StringBuilder(random.nextBoolean() ? "app_1/" : "");
        for (int i = random.nextInt(5); i > 0; i--) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }
}
