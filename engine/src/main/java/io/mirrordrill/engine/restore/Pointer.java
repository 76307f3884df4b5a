package io.mirrordrill.engine.restore;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON Pointer: {@code ""} is the whole document, {@code ~1} is '/', {@code ~0} is '~'. */
final class Pointer {
    private Pointer() {
    }

    /** The reference tokens, unescaped; throws {@link IllegalArgumentException} with the reason. */
    static List<String> parse(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        if (pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("a JSON Pointer starts with '/'");
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(unescape(raw));
        }
        return tokens;
    }

    /** Left to right, so {@code ~01} is {@code ~1} and not '/'. */
    private static String unescape(String raw) {
        StringBuilder token = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '~') {
                token.append(c);
                continue;
            }
            char next = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
            if (next != '0' && next != '1') {
                throw new IllegalArgumentException("'~' must be followed by 0 or 1 (write ~0 for '~', ~1 for '/')");
            }
            token.append(next == '0' ? '~' : '/');
            i++;
        }
        return token.toString();
    }

    /** The pointer of the first {@code count} tokens, escaped again: for messages. */
    static String format(List<String> tokens, int count) {
        StringBuilder pointer = new StringBuilder();
        for (String token : tokens.subList(0, count)) {
            pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** An array index as RFC 6901 writes it (no sign, no leading zero), or -1. */
    static int index(String token) {
        if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(token);
    }
}
