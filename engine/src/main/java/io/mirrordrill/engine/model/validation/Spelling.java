package io.mirrordrill.engine.model.validation;

import java.util.Locale;

/** Whether a misspelt name is close to a known one, for "write X" fixes: a case slip or up to two edits. */
final class Spelling {
    private Spelling() {
    }

    static boolean near(String typed, String known) {
        if (typed.equalsIgnoreCase(known)) {
            return true;
        }
        return Math.abs(typed.length() - known.length()) <= 2 && distance(typed.toLowerCase(Locale.ROOT),
                known.toLowerCase(Locale.ROOT)) <= 2;
    }

    /** Levenshtein distance, two rows. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
