package io.mirrordrill.scenario.drill;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The drill file's units: durations ({@code 1h30m}, {@code 250ms}), byte sizes, bandwidths and write rates. */
public final class Units {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|KiB|MiB|GiB|kbit|Mbit|Gbit)?");
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(s|min|h)");

    private Units() {
    }

    /**
     * The longest duration a drill field takes: a year of simulated time is far beyond any drill (the day-in-the-life
     * drill runs one day) and keeps every sum of them within the virtual clock's range.
     */
    public static final Duration MAX_DURATION = Duration.ofDays(365);

    /** Written like a duration ({@code 99999999999999999999d}), whatever its size. */
    public static boolean looksLikeDuration(String text) {
        return text.strip().matches("(\\d+(ms|s|m|h|d))+");
    }

    /** {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 250ms}, {@code 1d}; empty when not one or beyond a Duration. */
    public static Optional<Duration> duration(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = DURATION_PART.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        while (m.find()) {
            if (m.start() != at) {
                return Optional.empty();
            }
            try {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            } catch (NumberFormatException | ArithmeticException tooLong) {
                return Optional.empty();
            }
            at = m.end();
        }
        return at == t.length() ? Optional.of(total) : Optional.empty();
    }

    /** Bytes: {@code 4096}, {@code 64B}, {@code 4KiB}, {@code 1MB}. */
    public static Optional<Long> bytes(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(Math.round(Double.parseDouble(m.group(1)) * factor(m.group(2))));
    }

    /** Bytes per second: {@code 100MB/s}, {@code 1Gbit/s}, or a plain number. */
    public static Optional<Long> bandwidth(String text) {
        String t = text.strip();
        if (t.endsWith("/s")) {
            t = t.substring(0, t.length() - 2);
        }
        return bytes(t).filter(b -> b > 0);
    }

    /** Writes per second: {@code 20/s}, {@code 30/min}, {@code 3600/h}, or a plain number (per second). */
    public static Optional<Double> rate(String text) {
        String t = text.strip();
        Matcher m = RATE.matcher(t);
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "s" -> n;
                case "min" -> n / 60;
                default -> n / 3600;
            });
        }
        try {
            return Optional.of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** How a duration is printed in reports: {@code 1h5m3.250s}, {@code 0s}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder(d.isNegative() ? "-" : "");
        Duration a = d.abs();
        if (a.toHours() > 0) {
            out.append(a.toHours()).append('h');
        }
        if (a.toMinutesPart() > 0 || a.toHours() > 0 && (a.toSecondsPart() > 0 || a.toMillisPart() > 0)) {
            out.append(a.toMinutesPart()).append('m');
        }
        int millis = a.toMillisPart();
        if (a.toSecondsPart() > 0 || millis > 0) {
            out.append(a.toSecondsPart());
            if (millis > 0) {
                out.append(String.format(Locale.ROOT, ".%03d", millis));
            }
            out.append('s');
        }
        return out.length() == 0 || out.toString().equals("-") ? out + "0s" : out.toString();
    }

    private static double factor(String unit) {
        if (unit == null || unit.equals("B")) {
            return 1;
        }
        return switch (unit) {
            case "KB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            case "KiB" -> 1024;
            case "MiB" -> 1024.0 * 1024;
            case "GiB" -> 1024.0 * 1024 * 1024;
            case "kbit" -> 1e3 / 8;
            case "Mbit" -> 1e6 / 8;
            default -> 1e9 / 8;
        };
    }
}
