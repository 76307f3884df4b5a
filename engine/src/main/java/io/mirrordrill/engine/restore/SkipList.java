package io.mirrordrill.engine.restore;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Keys of namespace labels or annotations a restore must not touch on the destination, written as the controller's
 * environment takes them: {@code RESTORE_SKIP_NAMESPACE_ANNOTATIONS=a/b,c/d}.
 */
public record SkipList(SortedSet<String> keys) {
    public static final SkipList NONE = new SkipList(new TreeSet<>());

    public SkipList {
        keys = Collections.unmodifiableSortedSet(new TreeSet<>(keys));
    }

    /** Comma-separated keys; blanks around a key are trimmed and empty entries ignored ({@code "a, ,b,"}). */
    public static SkipList parse(String commaSeparated) {
        SortedSet<String> keys = new TreeSet<>();
        if (commaSeparated != null) {
            for (String entry : commaSeparated.split(",")) {
                if (!entry.isBlank()) {
                    keys.add(entry.trim());
                }
            }
        }
        return new SkipList(keys);
    }

    public boolean contains(String key) {
        return keys.contains(key);
    }
}
