package io.mirrordrill.engine.model.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The iCalendar recurrence of a Custom schedule or an AppMirrorRelationship, e.g.
 * {@code DTSTART:20220101T000200Z\nRRULE:FREQ=MINUTELY;INTERVAL=5}: occurrences are DTSTART plus whole multiples of
 * INTERVAL x FREQ, in UTC. Only FREQ and INTERVAL are supported: the rule never ends and has no BY* filters, which
 * is what replication schedules use; anything else is refused with a message rather than silently ignored.
 */
public record RecurrenceRule(Instant start, Frequency frequency, int interval) implements Recurrence {
    private static final DateTimeFormatter UTC_BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern UTC_BASIC_SHAPE = Pattern.compile("\\d{8}T\\d{6}Z");
    /** RFC 5545 parts that are valid iCalendar but not supported here: named so the message can say so. */
    private static final Set<String> UNSUPPORTED_PARTS = Set.of("COUNT", "UNTIL", "BYSECOND", "BYMINUTE", "BYHOUR",
            "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST");
    private static final String EXAMPLE = "DTSTART:20220101T000200Z\nRRULE:FREQ=MINUTELY;INTERVAL=5";
    /** A MONTHLY rule started on the 29th to 31st skips short months; this bounds the search (400 years). */
    private static final int MAX_MONTH_STEPS = 4800;

    public RecurrenceRule {
        if (start == null || frequency == null) {
            throw new IllegalArgumentException("start and frequency are required");
        }
        if (start.getNano() != 0) {
            throw new IllegalArgumentException("DTSTART has whole seconds: " + start);
        }
        if (interval < 1) {
            throw new IllegalArgumentException("INTERVAL must be positive: " + interval);
        }
    }

    /** Parses the iCalendar text; lines may end in LF or CRLF, names are case-insensitive as RFC 5545 says. */
    public static RecurrenceRule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RecurrenceException("the recurrence rule is empty", "write two lines, e.g. " + oneLine(EXAMPLE));
        }
        Map<String, String> lines = new LinkedHashMap<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = (colon < 0 ? line : line.substring(0, colon)).toUpperCase(Locale.ROOT);
            String property = name.contains(";") ? name.substring(0, name.indexOf(';')) : name;
            if (!property.equals("DTSTART") && !property.equals("RRULE")) {
                throw new RecurrenceException("unsupported line \"" + line + "\"",
                        "keep only a DTSTART line and an RRULE line, e.g. " + oneLine(EXAMPLE));
            }
            if (lines.put(property, line) != null) {
                throw new RecurrenceException("more than one " + property + " line", "keep exactly one " + property);
            }
        }
        String dtstart = lines.get("DTSTART");
        if (dtstart == null) {
            throw new RecurrenceException("DTSTART is missing",
                    "start the rule with a UTC start time such as DTSTART:20220101T000200Z");
        }
        String rrule = lines.get("RRULE");
        if (rrule == null && !dtstart.contains("\\n")) {
            throw new RecurrenceException("RRULE is missing", "add a second line such as RRULE:FREQ=MINUTELY;INTERVAL=5");
        }
        Instant start = parseStart(dtstart);
        return parseRule(start, rrule);
    }

    private static Instant parseStart(String line) {
        if (line.contains("\\n")) {
            throw new RecurrenceException("the rule contains a literal \\n instead of a line break",
                    "write it as a YAML block (recurrenceRule: |-) or a double-quoted string so DTSTART and RRULE are"
                            + " on separate lines");
        }
        int colon = line.indexOf(':');
        String name = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1).strip();
        if (name.contains(";")) {
            throw new RecurrenceException("DTSTART parameters (" + name.substring(name.indexOf(';') + 1)
                    + ") are not supported", "write the start in UTC without TZID, e.g. DTSTART:20220101T000200Z");
        }
        if (!UTC_BASIC_SHAPE.matcher(value).matches()) {
            throw new RecurrenceException("DTSTART \"" + value + "\" is not a UTC date-time in basic format",
                    "write yyyyMMddTHHmmssZ with the trailing Z, e.g. DTSTART:20220101T000200Z");
        }
        try {
            return LocalDateTime.parse(value, UTC_BASIC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new RecurrenceException("DTSTART \"" + value + "\" is not a valid date and time",
                    "use a real calendar date and a time from 000000 to 235959, e.g. DTSTART:20220101T000200Z");
        }
    }

    private static RecurrenceRule parseRule(Instant start, String line) {
        String body = line.substring(line.indexOf(':') + 1).strip();
        if (line.indexOf(':') < 0 || body.isEmpty()) {
            throw new RecurrenceException("RRULE has no parts", "write RRULE:FREQ=MINUTELY;INTERVAL=5");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : body.split(";", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new RecurrenceException("RRULE part \"" + part + "\" is not NAME=VALUE",
                        "separate parts with ';', e.g. RRULE:FREQ=MINUTELY;INTERVAL=5");
            }
            String name = part.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            if (UNSUPPORTED_PARTS.contains(name)) {
                throw new RecurrenceException("RRULE part " + name + " is not supported (only FREQ and INTERVAL are)",
                        "remove " + name + "; for a fixed minute, hour or weekday use granularity Hourly, Daily,"
                                + " Weekly or Monthly instead of Custom");
            }
            if (!name.equals("FREQ") && !name.equals("INTERVAL")) {
                throw new RecurrenceException("unknown RRULE part " + name, "use only FREQ and INTERVAL");
            }
            if (parts.put(name, value) != null) {
                throw new RecurrenceException("RRULE part " + name + " appears twice", "keep one " + name);
            }
        }
        String freq = parts.get("FREQ");
        if (freq == null) {
            throw new RecurrenceException("RRULE has no FREQ", "add FREQ, e.g. RRULE:FREQ=MINUTELY;INTERVAL=5");
        }
        Frequency frequency = Frequency.parse(freq.toUpperCase(Locale.ROOT)).orElseThrow(() -> new RecurrenceException(
                "FREQ=" + freq + " is not supported", "use one of " + Frequency.accepted()));
        return new RecurrenceRule(start, frequency, parseInterval(parts.get("INTERVAL")));
    }

    private static int parseInterval(String raw) {
        if (raw == null) {
            return 1;
        }
        if (!raw.matches("\\d{1,9}") || Integer.parseInt(raw) == 0) {
            throw new RecurrenceException("INTERVAL=" + raw + " is not a positive integer",
                    "write a whole number of at least 1, e.g. INTERVAL=5");
        }
        return Integer.parseInt(raw);
    }

    @Override
    public Instant next(Instant after) {
        if (after.isBefore(start)) {
            return start;
        }
        if (frequency == Frequency.MONTHLY) {
            return nextMonthly(after);
        }
        long step = frequency.unit().getSeconds() * interval;
        // Occurrences sit on whole seconds, so flooring 'after' to seconds cannot skip one.
        long elapsed = after.getEpochSecond() - start.getEpochSecond();
        return start.plusSeconds(Math.multiplyExact(elapsed / step + 1, step));
    }

    /** RFC 5545: a month without DTSTART's day (Feb 30) has no occurrence; it is skipped, not clamped. */
    private Instant nextMonthly(Instant after) {
        LocalDateTime first = LocalDateTime.ofInstant(start, ZoneOffset.UTC);
        LocalDateTime target = LocalDateTime.ofInstant(after, ZoneOffset.UTC);
        long monthsBetween = ChronoUnit.MONTHS.between(first.withDayOfMonth(1), target.withDayOfMonth(1));
        long k = Math.max(0, monthsBetween / interval - 1);
        for (int i = 0; i < MAX_MONTH_STEPS; i++, k++) {
            LocalDateTime candidate = first.plusMonths(k * interval);
            if (candidate.getDayOfMonth() == first.getDayOfMonth() && candidate.isAfter(target)) {
                return candidate.toInstant(ZoneOffset.UTC);
            }
        }
        throw new IllegalStateException("no occurrence of " + toText() + " within 400 years after " + after);
    }

    /** The canonical text, two lines joined by LF as the seed's YAML block writes it. */
    public String toText() {
        return "DTSTART:" + UTC_BASIC.format(LocalDateTime.ofInstant(start, ZoneOffset.UTC)) + "\nRRULE:FREQ="
                + frequency.name() + ";INTERVAL=" + interval;
    }

    private static String oneLine(String text) {
        return text.replace("\n", "\\n");
    }
}
