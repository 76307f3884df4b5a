package io.mirrordrill.emulator.ontap.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An ONTAP query on one field ({@code name=vol*}, {@code state=snapmirrored|paused}, {@code !broken_off},
 * {@code size>1000}): alternatives separated by {@code |}, each a value with {@code *} wildcards, optionally negated
 * with {@code !} or compared with {@code <}, {@code >}, {@code <=}, {@code >=} (numerically when both sides are
 * numbers). Matching is case-sensitive. A field inside arrays matches when any element matches.
 */
final class FieldFilter {
    private record Alternative(boolean negated, String operator, String operand, Pattern glob) {
        boolean matches(List<String> values) {
            boolean any = values.stream().anyMatch(this::test);
            return negated != any;
        }

        private boolean test(String value) {
            if (operator.isEmpty()) {
                return glob.matcher(value).matches();
            }
            int c = compare(value, operand);
            return switch (operator) {
                case "<" -> c < 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                default -> c >= 0;
            };
        }
    }

    private final String path;
    private final List<Alternative> alternatives = new ArrayList<>();

    FieldFilter(String path, String expression) {
        this.path = path;
        for (String part : expression.split("\\|", -1)) {
            boolean negated = part.startsWith("!");
            String rest = negated ? part.substring(1) : part;
            String operator = rest.startsWith("<=") || rest.startsWith(">=") ? rest.substring(0, 2)
                    : rest.startsWith("<") || rest.startsWith(">") ? rest.substring(0, 1) : "";
            String operand = rest.substring(operator.length());
            alternatives.add(new Alternative(negated, operator, operand, glob(operand)));
        }
    }

    boolean matches(JsonNode record) {
        List<String> values = new ArrayList<>();
        collect(record, path.split("\\."), 0, values);
        return alternatives.stream().anyMatch(a -> a.matches(values));
    }

    /** The first value of a field, or null when the record has none. */
    static String first(JsonNode record, String path) {
        List<String> values = new ArrayList<>();
        collect(record, path.split("\\."), 0, values);
        return values.isEmpty() ? null : values.get(0);
    }

    private static void collect(JsonNode node, String[] parts, int i, List<String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, parts, i, out));
        } else if (i == parts.length) {
            out.add(node.asText());
        } else {
            collect(node.get(parts[i]), parts, i + 1, out);
        }
    }

    private static Pattern glob(String operand) {
        String[] pieces = operand.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            regex.append(i > 0 ? ".*" : "").append(Pattern.quote(pieces[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Numbers by value, ISO-8601 durations ({@code lag_time>P2DT}) and times by what they measure, else text. */
    static int compare(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException notNumbers) {
            // not numbers: try the other kinds ONTAP compares by value
        }
        if (looksLikeDuration(a) && looksLikeDuration(b)) {
            try {
                return duration(a).compareTo(duration(b));
            } catch (DateTimeParseException notDurations) {
                return a.compareTo(b);
            }
        }
        if (looksLikeTime(a) && looksLikeTime(b)) {
            try {
                return OffsetDateTime.parse(a).toInstant().compareTo(OffsetDateTime.parse(b).toInstant());
            } catch (DateTimeParseException notTimes) {
                return a.compareTo(b);
            }
        }
        return a.compareTo(b);
    }

    private static boolean looksLikeDuration(String s) {
        return s.startsWith("P") || s.startsWith("-P");
    }

    private static boolean looksLikeTime(String s) {
        return s.length() >= 20 && s.charAt(4) == '-' && s.charAt(10) == 'T';
    }

    /** ONTAP accepts a bare day count with a trailing {@code T} ({@code P2DT}), which {@link Duration} does not. */
    private static Duration duration(String s) {
        return Duration.parse(s.endsWith("T") ? s.substring(0, s.length() - 1) : s);
    }
}
