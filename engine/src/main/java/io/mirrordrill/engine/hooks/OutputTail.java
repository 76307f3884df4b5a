package io.mirrordrill.engine.hooks;

import java.nio.charset.StandardCharsets;

/**
 * The bounded end of a hook's stdout or stderr that a status keeps: the last {@value #MAX_LINES} lines, then at most
 * {@value #MAX_BYTES} bytes of UTF-8, cut at a character's start so no character is split. What was cut is marked
 * by a leading {@value #CUT}. Blank output is kept as nothing (null), so a quiet hook's status stays as before.
 */
final class OutputTail {
    static final int MAX_LINES = 20;
    static final int MAX_BYTES = 1024;
    static final String CUT = "...";
    static final int EXCERPT = 200;

    private OutputTail() {
    }

    static String of(String output) {
        if (output == null || output.isBlank()) {
            return null;
        }
        int start = 0;
        int end = output.endsWith("\n") ? output.length() - 1 : output.length();
        int lines = 0;
        for (int i = end - 1; i >= 0 && lines < MAX_LINES; i--) {
            if (output.charAt(i) == '\n' && ++lines == MAX_LINES) {
                start = i + 1;
            }
        }
        String tail = output.substring(start);
        boolean cut = start > 0;
        byte[] bytes = tail.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            int from = bytes.length - MAX_BYTES;
            while ((bytes[from] & 0xC0) == 0x80) {
                from++;
            }
            tail = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
            cut = true;
        }
        return cut ? CUT + tail : tail;
    }

    /**
     * The first non-blank line of {@code stderr}, else of {@code stdout}, for an Event: at most {@value #EXCERPT}
     * characters; null when both are blank.
     */
    static String excerpt(String stdout, String stderr) {
        String from = stderr != null && !stderr.isBlank() ? stderr : stdout;
        if (from == null || from.isBlank()) {
            return null;
        }
        for (String line : from.split("\n")) {
            if (!line.isBlank()) {
                String l = line.strip();
                return l.length() <= EXCERPT ? l
                        : l.substring(0, l.offsetByCodePoints(0, l.codePointCount(0, EXCERPT))) + CUT;
            }
        }
        return null;
    }
}
