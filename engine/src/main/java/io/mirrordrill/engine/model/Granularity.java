package io.mirrordrill.engine.model;

import java.util.Optional;

/** {@code Schedule.spec.granularity}. The seed writes {@code custom}: any case is accepted, CamelCase is written. */
public enum Granularity implements NamedValue {
    HOURLY("Hourly"),
    DAILY("Daily"),
    WEEKLY("Weekly"),
    MONTHLY("Monthly"),
    CUSTOM("Custom");

    private final String value;

    Granularity(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static Optional<Granularity> parse(String raw) {
        return NamedValue.ignoringCase(Granularity.class, raw);
    }

    /** The CamelCase form of a known value; an unknown one is kept as written so validation can name it. */
    public static String canonical(String raw) {
        return parse(raw).map(Granularity::value).orElse(raw);
    }
}
