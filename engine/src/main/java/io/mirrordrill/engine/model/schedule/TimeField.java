package io.mirrordrill.engine.model.schedule;

import java.util.OptionalInt;

/**
 * The calendar fields of Hourly/Daily/Weekly/Monthly schedules, strings in real files ({@code minute: "15"}).
 * dayOfWeek follows cron: 0 and 7 are Sunday.
 */
public enum TimeField {
    MINUTE("minute", 0, 59, "15"),
    HOUR("hour", 0, 23, "2"),
    DAY_OF_WEEK("dayOfWeek", 0, 7, "0"),
    DAY_OF_MONTH("dayOfMonth", 1, 31, "1");

    private final String field;
    private final int min;
    private final int max;
    private final String example;

    TimeField(String field, int min, int max, String example) {
        this.field = field;
        this.min = min;
        this.max = max;
        this.example = example;
    }

    /** The spec field name. */
    public String field() {
        return field;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** A valid value, for fix messages. */
    public String example() {
        return example;
    }

    /** The value when it is plain decimal digits within range; empty otherwise. */
    public OptionalInt parse(String raw) {
        if (raw == null || !raw.matches("\\d{1,2}")) {
            return OptionalInt.empty();
        }
        int value = Integer.parseInt(raw);
        return value < min || value > max ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /** Like {@link #parse} for callers that validated first. */
    int require(String raw) {
        return parse(raw).orElseThrow(() -> new RecurrenceException(field + " \"" + raw + "\" is not a whole number from "
                + min + " to " + max, "write " + field + ": \"" + example + "\""));
    }
}
